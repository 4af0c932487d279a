import { randomInt } from 'node:crypto';

/** Six digits: easy to read out in a hall and to type on any keyboard. */
export const LIVE_CODE_LENGTH = 6;

export function generateLiveCode(): string {
	return String(randomInt(0, 10 ** LIVE_CODE_LENGTH)).padStart(LIVE_CODE_LENGTH, '0');
}

/** What a participant typed, with spaces and dashes removed ("123 456" → "123456"). */
export function normaliseLiveCode(input: string): string {
	return input.replace(/[\s-]/g, '');
}

export function isLiveCode(code: string): boolean {
	return /^\d{6}$/.test(code);
}
