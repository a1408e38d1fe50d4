import { parentPort, workerData } from 'node:worker_threads';
import { channelTo, openPGlite, type PGliteEngineOptions } from './pglite-engine.js';
import type { EngineReply, EngineRequest } from './pglite-thread.js';

// The embedded database's thread (pglite-thread.ts starts it): PGlite's engine runs synchronously in WASM, so here it
// no longer holds up the server's HTTP, WebSockets and timers while a statement runs. It only passes protocol bytes to
// the engine and back, sessions in turn (channelTo); writing and reading them is done on the server's side
// (pglite-engine.ts), so the engine goes from one session's statement to the next without waiting for the server.

const port = parentPort!;

function errorOf(err: unknown): { message: string } {
  return { message: err instanceof Error ? err.message : String(err) };
}

try {
  const channel = channelTo(await openPGlite(workerData as PGliteEngineOptions));
  const answer = async (request: EngineRequest): Promise<Uint8Array | null> => {
    switch (request.op) {
      case 'exchange':
        return channel.exchange(request.session, request.messages, request.hold);
      case 'release':
        channel.release(request.session);
        return null;
      case 'dump':
        return channel.dump();
      case 'close':
        await channel.close();
        return null;
    }
  };
  port.on('message', (request: EngineRequest) => {
    if (request.op === 'release') return channel.release(request.session);
    void answer(request).then(
      (value) => port.postMessage({ id: request.id, ok: true, value } satisfies EngineReply, value ? [value.buffer as ArrayBuffer] : []),
      (err: unknown) => port.postMessage({ id: request.id, ok: false, error: errorOf(err) } satisfies EngineReply),
    );
  });
  port.postMessage({ id: 0, ok: true, value: null } satisfies EngineReply);
} catch (err) {
  port.postMessage({ id: 0, ok: false, error: errorOf(err) } satisfies EngineReply);
}
