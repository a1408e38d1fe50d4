import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { SERVER_NODE_ARGS, ensureServerBuilt } from '../../../scripts/server-command.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
  exited: Promise<number | null>;
  /** Milliseconds from spawn until /healthz answered. */
  readyMs: number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the server (server/dist, transpiled first when stale) as its own process and waits until /healthz answers. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  await ensureServerBuilt(() => undefined);
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const started = Date.now();
  // SERVER_CPU_PROF_DIR=/some/dir writes a V8 CPU profile of the server when it exits (bench/README.md, profiling).
  const profile = process.env.SERVER_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, ...SERVER_NODE_ARGS], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production', DATABASE_URL: '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never outlive the test or benchmark that started it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = started + timeoutMs;
  let readyMs = -1;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) {
        readyMs = Date.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  if (readyMs < 0) {
    child.kill('SIGKILL');
    throw new Error(`server did not come up within ${timeoutMs} ms:\n${out}`);
  }
  return {
    child, baseUrl, exited, readyMs,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
