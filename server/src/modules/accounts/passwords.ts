import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const LIST_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/common-passwords.txt');

let common: Set<string> | undefined;

/** The 10,000 most common passwords (SecLists, MIT; server/data/common-passwords.txt), compared case-insensitively. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    fs.readFileSync(LIST_FILE, 'utf8').split('\n').map((l) => l.trim().toLowerCase()).filter(Boolean),
  );
  return common.has(password.toLowerCase());
}

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_email';

export function checkPassword(password: string, email: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (isCommonPassword(password)) return 'too_common';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) return 'contains_email';
  return null;
}

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane).
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so a login for an unknown email is not faster. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('tongshang-dummy-password-for-timing');
  await verify(await dummyHash, password).catch(() => false);
}
