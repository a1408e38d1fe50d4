import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PGliteEngineOptions, PGliteStatements, StatementResult } from './pglite-engine.js';

export type EngineRequest =
  | { id: number; op: 'query'; sql: string; parameters: readonly unknown[] }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

/** id 0 is the thread's own "ready" (or why it could not open the database). */
export type EngineReply =
  | { id: number; ok: true; value: StatementResult<unknown> | Uint8Array | null }
  | { id: number; ok: false; error: { message: string; fields: Record<string, string | number | boolean> } };

type Pending = { resolve: (value: EngineReply & { ok: true }) => void; reject: (err: Error) => void };

function toError(error: { message: string; fields: Record<string, string | number | boolean> }): Error {
  return Object.assign(new Error(error.message), error.fields);
}

/**
 * How to start pglite-worker.ts: the built server runs it as JavaScript beside this file; from TypeScript sources
 * (tests, `npm run dev`, the CLIs) the thread first registers tsx, which a thread does not inherit.
 */
function workerEntry(): { entry: URL | string; evaluate: boolean } {
  const here = import.meta.url;
  if (here.endsWith('.js')) return { entry: new URL('./pglite-worker.js', here), evaluate: false };
  // tsx's ESM entry (its CommonJS one resolves a path of its own wrongly inside a thread).
  const manifest = createRequire(here).resolve('tsx/package.json');
  const exports = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  const tsx = pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
  const worker = new URL('./pglite-worker.ts', here).href;
  return { entry: `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(worker)});`, evaluate: true };
}

/**
 * The embedded database in a thread of its own. PGlite runs each statement synchronously in WASM: in the server's
 * thread a 15 ms search held every other request, WebSocket and timer for those 15 ms, and requests that arrived
 * meanwhile were read in no particular order afterwards (docs/decisions.md, "PGlite in its own thread").
 * The thread is referenced only while a request is out, so an idle database keeps no process alive (as in-thread).
 */
export async function startPGliteThread(options: PGliteEngineOptions): Promise<PGliteStatements> {
  const { entry, evaluate } = workerEntry();
  const load = options.loadDataDir;
  const worker = new Worker(entry, {
    eval: evaluate,
    workerData: options,
    ...(load ? { transferList: [load.buffer as ArrayBuffer] } : {}),
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | null = null;

  const fail = (err: Error) => {
    failure ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the embedded database's thread exited (code ${code})`)));
  worker.on('message', (reply: EngineReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) p.resolve(reply);
    else p.reject(toError(reply.error));
  });

  const send = (request: EngineRequest): Promise<EngineReply & { ok: true }> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      pending.set(request.id, { resolve, reject });
      worker.ref();
      worker.postMessage(request);
    });

  await new Promise<void>((resolve, reject) => pending.set(0, { resolve: () => resolve(), reject }));

  return {
    async query<R>(sql: string, parameters: readonly unknown[]) {
      return (await send({ id: nextId++, op: 'query', sql, parameters })).value as StatementResult<R>;
    },
    async exec<R>(sql: string) {
      return (await send({ id: nextId++, op: 'exec', sql })).value as StatementResult<R>;
    },
    async dump() {
      return (await send({ id: nextId++, op: 'dump' })).value as Uint8Array;
    },
    async close() {
      if (failure) return;
      await send({ id: nextId++, op: 'close' });
      await worker.terminate();
    },
  };
}
