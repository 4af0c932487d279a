import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '$testing/test-db';
import { createUser, findUserByUsername } from './user';
import { signIn } from './login';

beforeEach(() => {
	useTestDatabase();
});

describe('signIn', () => {
	it('lets the right password in and refuses the wrong one', async () => {
		await createUser({ username: 'Maja', password: 'en lang sætning', role: 'youth' });
		expect(await signIn('maja', 'en lang sætning', '10.0.0.1')).toMatchObject({ ok: true });
		expect(await signIn('maja', 'forkert', '10.0.0.1')).toEqual({
			ok: false,
			error: 'wrong_credentials'
		});
	});

	it('cannot be raced: parallel guesses beyond the limit are refused', async () => {
		await createUser({ username: 'racer', password: 'en lang sætning', role: 'youth' });
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => signIn('racer', `gæt ${i}`, '10.0.0.2'))
		);
		expect(results.filter((r) => !r.ok && r.error === 'rate_limited')).toHaveLength(10);
		expect(await signIn('racer', 'en lang sætning', '10.0.0.2')).toMatchObject({
			ok: false,
			error: 'rate_limited'
		});
	});

	it('records the sign-in as activity, and a wrong password not', async () => {
		const created = new Date('2024-01-01T00:00:00Z');
		await createUser({
			username: 'sovende',
			password: 'en lang sætning',
			role: 'youth',
			now: created
		});
		await signIn('sovende', 'forkert', '10.0.0.3', new Date('2026-01-01T00:00:00Z'));
		expect(findUserByUsername('sovende')?.lastActiveAt).toEqual(created);
		const signedIn = new Date('2026-02-01T00:00:00Z');
		await signIn('sovende', 'en lang sætning', '10.0.0.3', signedIn);
		expect(findUserByUsername('sovende')?.lastActiveAt).toEqual(signedIn);
	});
});
