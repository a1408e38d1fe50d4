/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-symbol set;
 * positions 9–17 are the organization code (GB 11714) with its own check, position 18 checks the rest.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccProblem = 'length' | 'charset' | 'organization_check' | 'check_character';

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check of an 8-character organization code body: digits, then A=10 … Z=35. */
export function organizationCheckCharacter(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function checkUscc(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return 'charset';
  if (organizationCheckCharacter(code.slice(8, 16)) !== code[16]) return 'organization_check';
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) return 'check_character';
  return null;
}

/** Completes 16 leading characters (authority, category, division, org body) into a valid code. */
export function completeUscc(first16: string): string {
  const first17 = first16 + organizationCheckCharacter(first16.slice(8, 16));
  return first17 + usccCheckCharacter(first17);
}
