// npm run dev: the server (restarting on change) and Vite's dev server with hot reload, together.
import { spawn } from 'node:child_process';
import { ROOT } from './web-build.mjs';

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/src/main.ts'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, PORT: process.env.PORT ?? '3000' } }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' }),
];
const stop = (code) => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exitCode = code;
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
for (const c of children) c.on('exit', (code) => stop(code ?? 0));
