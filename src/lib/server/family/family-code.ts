import { randomInt } from 'node:crypto';

/** No look-alikes: no 0/O, 1/I/L. */
export const FAMILY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const FAMILY_CODE_LENGTH = 8;
export const FAMILY_CODE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function generateFamilyCode(): string {
	let code = '';
	for (let i = 0; i < FAMILY_CODE_LENGTH; i++)
		code += FAMILY_CODE_ALPHABET[randomInt(FAMILY_CODE_ALPHABET.length)];
	return code;
}

/** What a person typed, as a code: upper case, spaces and dashes removed. */
export function normaliseFamilyCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isFamilyCodeShape(code: string): boolean {
	return (
		code.length === FAMILY_CODE_LENGTH && [...code].every((c) => FAMILY_CODE_ALPHABET.includes(c))
	);
}

/** Shown in two groups of four, easier to read aloud: ABCD-EFGH. */
export function formatFamilyCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}
