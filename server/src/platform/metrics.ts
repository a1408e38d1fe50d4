import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  /** Counts and times one HTTP request. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  eventDispatchLag: Histogram;
  eventsPending: Gauge;
  jobQueueDepth: Gauge<'status'>;
}

export function createMetrics(sources: { pendingEvents: () => Promise<number>; jobQueueDepth: () => Promise<Record<string, number>> }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRequests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request latency by route', labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
  });
  // prom-client hashes the label object on every call; one child per label set makes a request's bookkeeping a map lookup.
  const children = new Map<string, { count: { inc(): void }; time: { observe(v: number): void } }>();
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      const key = `${method} ${status} ${route}`;
      let child = children.get(key);
      if (!child) {
        const labels = [method, route, String(status)] as const;
        child = { count: httpRequests.labels(...labels), time: httpDuration.labels(...labels) };
        children.set(key, child);
      }
      child.count.inc();
      child.time.observe(seconds);
    },
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
