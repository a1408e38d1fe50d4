import { randomBytes, randomFillSync, createHash } from 'node:crypto';

let lastMs = 0;
let seq = 0;
// Random bits drawn 4 KiB at a time: one call into OpenSSL per 256 ids instead of one per id (checkout makes several).
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, a 12-bit counter, then random bits, so ids sort by creation time —
 * within one process also inside a millisecond (the counter starts at a random value below 2048 each millisecond
 * and carries into the next). An explicit `now` more than a second in the past (backdated records) just gets random bits.
 */
export function uuidv7(now = Date.now()): string {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const b = pool.subarray(poolAt, poolAt + 16);
  poolAt += 16;
  let ms = now;
  let counter = ((b[6]! & 0x0f) << 8) | b[7]!;
  if (now > lastMs) {
    lastMs = now;
    seq = counter & 0x7ff;
    counter = seq;
  } else if (lastMs - now < 1000) {
    seq++;
    if (seq > 0xfff) {
      lastMs++;
      seq = 0;
    }
    ms = lastMs;
    counter = seq;
  }
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  let h = '';
  for (let i = 0; i < 16; i++) h += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX[b[i]!];
  return h;
}

/** A random bearer secret (session token, invitation token). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are stored only as their SHA-256. */
export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}
