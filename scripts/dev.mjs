// npm run dev: the server (restarting when its code changes) and Vite's dev server with hot reload, together.
// Open http://localhost:5173 — Vite serves the web app and passes /api and /healthz on to the server.
import { spawn } from 'node:child_process';
import { ROOT } from './web-build.mjs';

const port = process.env.PORT ?? '3000';
const children = [
  spawn(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'watch', '--clear-screen=false', '--exclude', 'web/**', '--exclude', 'data/**', 'server/src/main.ts'],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, PORT: port } },
  ),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'web/vite.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, API_PROXY_TARGET: process.env.API_PROXY_TARGET ?? `http://localhost:${port}` },
  }),
];
console.log(`npm run dev: server on :${port} (restarts on change), web app with hot reload on http://localhost:5173`);

let stopping = false;
const stop = (code) => {
  if (!stopping) {
    stopping = true;
    process.exitCode = code;
  }
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
// When one of them ends (or crashes), stop the other too.
for (const c of children) c.on('exit', (code) => stop(code ?? 0));

// Under `npm run dev` a SIGTERM to npm kills only its shell; do not leave the two servers behind.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop(0);
}, 500).unref();
