/**
 * One-time ballot codes: 8 random characters and one check character, from an alphabet without
 * look-alikes (no 0/O, 1/I/L). The check character tells a mistyped code from an unknown one.
 *
 * Check: with v_i the alphabet index of character i (i = 1…8), the check character is the one
 * with index (Σ i·v_i) mod 31. 31 is prime and the weights 1…8 (and the check's own −1) are
 * distinct modulo 31, so every single wrong character and every swap of two characters is caught.
 */
export const BALLOT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BALLOT_CODE_BODY = 8;
export const BALLOT_CODE_LENGTH = BALLOT_CODE_BODY + 1;

export function ballotCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const v = BALLOT_CODE_ALPHABET.indexOf(body[i]!);
    if (v < 0) throw new Error('not a ballot code character');
    sum += (i + 1) * v;
  }
  return BALLOT_CODE_ALPHABET[sum % BALLOT_CODE_ALPHABET.length]!;
}

/** What a person typed, as a code: upper case, spaces and dashes dropped. */
export function normaliseBallotCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Whether a (normalised) code has the right length, alphabet and check character. */
export function isWellFormedBallotCode(code: string): boolean {
  if (code.length !== BALLOT_CODE_LENGTH) return false;
  for (const ch of code) if (!BALLOT_CODE_ALPHABET.includes(ch)) return false;
  return ballotCheckCharacter(code.slice(0, BALLOT_CODE_BODY)) === code[BALLOT_CODE_BODY];
}

/** "ABCD EFGH K": how a code is printed on a slip. */
export function formatBallotCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8)}`;
}
