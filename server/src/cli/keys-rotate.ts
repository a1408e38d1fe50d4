import { runWithApp } from './with-app.js';

/** npm run keys:rotate — a new credential-signing key; the old public keys stay in the JWKS. */
runWithApp(async (modules) => {
  const { kid } = await modules.credentials.keys.rotate();
  const { keys } = await modules.credentials.keys.jwks();
  console.log(`New signing key ${kid}; the JWKS now lists ${keys.length} key(s). Credentials are re-issued with it as their facts change.`);
  return 0;
});
