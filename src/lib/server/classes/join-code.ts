import { randomInt } from 'node:crypto';

/** No look-alikes: no 0/O, 1/I/L. Shared by class join codes and one-time password codes. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function randomCode(length: number): string {
	let code = '';
	for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code;
}

export const generateJoinCode = () => randomCode(JOIN_CODE_LENGTH);

/** What a pupil typed: upper case, spaces and dashes removed. */
export function normaliseCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isCodeShape(code: string, length: number): boolean {
	return code.length === length && [...code].every((c) => CODE_ALPHABET.includes(c));
}
