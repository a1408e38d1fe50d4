// How the server process is started, shared by npm start, the tests, the browser tests and the benchmarks.
// It runs the JavaScript that scripts/server-build.mjs transpiles to server/dist (call ensureServerBuilt first):
// the tsx loader would cost ~30 MB resident and ~2 s of start-up (bench/README.md). `npm run dev` keeps tsx.
// A 4 MB young generation (V8's default is 16 MB per semi-space) keeps the idle server near 250 MB instead of 320 MB;
// the request benchmarks show no loss (bench/README.md). --expose-gc lets main.ts drop start-up garbage once.
export const SERVER_NODE_ARGS = ['--max-semi-space-size=4', '--expose-gc', 'server/dist/main.js'];
export { ensureServerBuilt } from './server-build.mjs';
