import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  eventDispatchLag: Histogram;
  eventsPending: Gauge;
  jobQueueDepth: Gauge<'status'>;
}

export function createMetrics(sources: { pendingEvents: () => Promise<number>; jobQueueDepth: () => Promise<Record<string, number>> }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({ name: 'http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds', help: 'HTTP request latency by route', labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
    }),
    eventDispatchLag: new Histogram({
      name: 'event_dispatch_lag_seconds', help: 'Time from an event committing to its handlers having run',
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600], registers: [registry],
    }),
    eventsPending: new Gauge({
      name: 'events_pending', help: 'Events committed but not yet dispatched', registers: [registry],
      async collect() { this.set(await sources.pendingEvents()); },
    }),
    jobQueueDepth: new Gauge({
      name: 'job_queue_depth', help: 'Jobs by status', labelNames: ['status'], registers: [registry],
      async collect() {
        for (const [status, n] of Object.entries(await sources.jobQueueDepth())) this.set({ status }, n);
      },
    }),
  };
}
