import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('passwordProblem', () => {
	it('needs at least 8 characters, counting æøå and emoji as one', () => {
		expect(passwordProblem('kort')).toBe('password_too_short');
		expect(passwordProblem('æøåæøåæ')).toBe('password_too_short');
		expect(passwordProblem('æøåæøåæø')).toBeNull();
	});
	it('refuses common passwords in any case, digit runs and repeats', () => {
		expect(passwordProblem('Password123')).toBe('password_too_common');
		expect(passwordProblem('KODEORD123')).toBe('password_too_common');
		expect(passwordProblem('123456789')).toBe('password_too_common');
		expect(passwordProblem('aaaaaaaaaa')).toBe('password_too_common');
	});
	it('refuses the username with little added, but allows a long passphrase', () => {
		expect(passwordProblem('mads2010!', 'mads2010')).toBe('password_too_common');
		expect(passwordProblem('min blå cykel har tre gear', 'mads')).toBeNull();
	});
	it('refuses absurdly long passwords', () => {
		expect(passwordProblem('x'.repeat(257))).toBe('password_too_long');
	});
});

describe('hashing', () => {
	it('uses Argon2id and verifies only the right password', async () => {
		const hash = await hashPassword('en lang sætning');
		expect(hash).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(hash, 'en lang sætning')).toBe(true);
		expect(await verifyPassword(hash, 'en lang saetning')).toBe(false);
		expect(await verifyPassword('not a hash', 'x')).toBe(false);
	});
});
