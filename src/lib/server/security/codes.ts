import { randomInt } from 'node:crypto';

/**
 * Codes people read aloud and type: class join codes, one-time password codes, family codes.
 * No look-alikes: no 0/O, 1/I/L.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function randomCode(length: number): string {
	let code = '';
	for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code;
}

/** What a person typed: upper case, spaces and dashes removed. */
export function normaliseCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isCodeShape(code: string, length: number): boolean {
	return code.length === length && [...code].every((c) => CODE_ALPHABET.includes(c));
}
