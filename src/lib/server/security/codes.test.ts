import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, isCodeShape, normaliseCode, randomCode } from './codes';

describe('codes', () => {
	it('have no look-alike characters and the asked length', () => {
		expect(CODE_ALPHABET).not.toMatch(/[0O1IL]/);
		for (let i = 0; i < 500; i++) expect(isCodeShape(randomCode(7), 7)).toBe(true);
		expect(isCodeShape(randomCode(7), 6)).toBe(false);
		expect(isCodeShape('ABCDE0', 6)).toBe(false);
	});

	it('normalise what a person typed', () => {
		expect(normaliseCode(' abc-def ')).toBe('ABCDEF');
		expect(normaliseCode('abcd efgh')).toBe('ABCDEFGH');
	});
});
