import { parentPort, workerData } from 'node:worker_threads';
import { PGliteEngine, type PGliteEngineOptions } from './pglite-engine.js';
import type { EngineReply, EngineRequest } from './pglite-thread.js';

// The embedded database's thread (pglite-thread.ts starts it): PGlite's engine runs synchronously in WASM, so here it
// no longer holds up the server's HTTP, WebSockets and timers while a statement runs.

const port = parentPort!;

/** A PostgreSQL error's fields (code, constraint, detail …) survive the trip; the class does not. */
function errorFields(err: unknown): { message: string; fields: Record<string, string | number | boolean> } {
  const fields: Record<string, string | number | boolean> = {};
  if (err && typeof err === 'object') {
    for (const [k, v] of Object.entries(err)) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') fields[k] = v;
  }
  return { message: err instanceof Error ? err.message : String(err), fields };
}

async function answer(engine: PGliteEngine, request: EngineRequest): Promise<EngineReply> {
  switch (request.op) {
    case 'query':
      return { id: request.id, ok: true, value: await engine.query(request.sql, request.parameters) };
    case 'exec':
      return { id: request.id, ok: true, value: await engine.exec(request.sql) };
    case 'dump':
      return { id: request.id, ok: true, value: await engine.dump() };
    case 'close':
      await engine.close();
      return { id: request.id, ok: true, value: null };
  }
}

try {
  const engine = await PGliteEngine.open(workerData as PGliteEngineOptions);
  port.on('message', (request: EngineRequest) => {
    void answer(engine, request).then(
      (reply) => port.postMessage(reply),
      (err: unknown) => port.postMessage({ id: request.id, ok: false, error: errorFields(err) } satisfies EngineReply),
    );
  });
  port.postMessage({ id: 0, ok: true, value: null } satisfies EngineReply);
} catch (err) {
  port.postMessage({ id: 0, ok: false, error: errorFields(err) } satisfies EngineReply);
}
