import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Database } from '../../platform/db.js';
import * as store from './store.js';

/** The key that encrypts signing keys at rest: derived from SECRET_KEY, or a random one kept in DATA_DIR/secret.key. */
export function loadSecret(secretKey: string | undefined, dataDir: string): Buffer {
  if (secretKey) return createHash('sha256').update(secretKey).digest();
  const file = path.join(dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
}

function encrypt(secret: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

function decrypt(secret: Buffer, sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((s) => Buffer.from(s, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', secret, iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
}

export interface ActiveKey {
  kid: string;
  privateKey: CryptoKey;
}

/** Ed25519 signing keys: generated on first use, rotated by command; retired public keys stay published. */
export class KeyRing {
  private active: ActiveKey | undefined;

  constructor(
    private readonly database: Database,
    private readonly secret: Buffer,
  ) {}

  async activeKey(): Promise<ActiveKey> {
    if (this.active) return this.active;
    const current = (await store.keys(this.database.db)).find((k) => !k.retired_at);
    if (current) {
      const jwk = JSON.parse(decrypt(this.secret, current.private_jwk_encrypted)) as JWK;
      this.active = { kid: current.kid, privateKey: (await importJWK(jwk, 'EdDSA')) as CryptoKey };
      return this.active;
    }
    return this.rotate();
  }

  /** A new active key; the old ones are retired but remain in the JWKS so earlier credentials still verify. */
  async rotate(): Promise<ActiveKey> {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const kid = `ts-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
    const privateJwk = await exportJWK(privateKey);
    await this.database.transaction(async (trx) => {
      await store.insertKey(trx, { kid, publicJwk, privateEncrypted: encrypt(this.secret, JSON.stringify(privateJwk)) });
      await store.retireKeys(trx, kid);
    });
    this.active = { kid, privateKey: privateKey };
    return this.active;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    await this.activeKey();
    return { keys: (await store.keys(this.database.db)).map((k) => k.public_jwk as JWK) };
  }
}
