// npm start: build the web app if it is missing or stale, then run the server in this terminal.
import { spawn } from 'node:child_process';
import { ROOT, ensureWebBuilt } from './web-build.mjs';
import { SERVER_NODE_ARGS, ensureServerBuilt } from './server-command.mjs';

try {
  ensureWebBuilt();
  await ensureServerBuilt();
} catch (err) {
  console.error(`\n${err instanceof Error ? err.message : String(err)} — see the build output above; the server was not started.`);
  process.exit(1);
}

const child = spawn(process.execPath, SERVER_NODE_ARGS, {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
});

let forwarded = false;
const forward = (signal) => {
  forwarded = true;
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));

// `npm start` runs us under `sh -c`; a SIGTERM sent to npm reaches only that shell, which dies without passing
// it on. When our parent disappears like that, shut the server down gracefully instead of leaving it orphaned.
const parent = process.ppid;
const orphanWatch = setInterval(() => {
  if (process.ppid !== parent && !forwarded) forward('SIGTERM');
}, 500);
orphanWatch.unref();

child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
