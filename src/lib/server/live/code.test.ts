import { describe, expect, it } from 'vitest';
import { generateLiveCode, isLiveCode, normaliseLiveCode } from './code';

describe('live codes', () => {
	it('are six digits, leading zeros kept', () => {
		for (let i = 0; i < 500; i++) expect(isLiveCode(generateLiveCode())).toBe(true);
		expect(isLiveCode('012345')).toBe(true);
		expect(isLiveCode('12345')).toBe(false);
		expect(isLiveCode('12345a')).toBe(false);
	});

	it('accept what people type with spaces or a dash', () => {
		expect(normaliseLiveCode(' 123 456 ')).toBe('123456');
		expect(normaliseLiveCode('123-456')).toBe('123456');
	});
});
