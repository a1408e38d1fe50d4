// npm start: build the web app if it is missing or stale, then run the server in this terminal.
import { spawn } from 'node:child_process';
import { ROOT, ensureWebBuilt } from './web-build.mjs';

ensureWebBuilt();
const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
