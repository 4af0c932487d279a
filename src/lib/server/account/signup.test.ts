import type { Cookies } from '@sveltejs/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '$testing/test-db';
import { SESSION_COOKIE, validateSessionToken } from '../auth/session';
import { signUp } from './signup';
import { findUserByUsername } from '../auth/user';
import { applicationOf } from '../professionals/applications';

/** Just enough of SvelteKit's Cookies for sign-up: a map. */
function fakeCookies(initial: Record<string, string> = {}) {
	const jar = new Map(Object.entries(initial));
	return {
		jar,
		cookies: {
			get: (name: string) => jar.get(name),
			set: (name: string, value: string) => void jar.set(name, value),
			delete: (name: string) => void jar.delete(name)
		} as unknown as Cookies
	};
}

const url = new URL('http://localhost/opret-konto');
const form = { password: 'en lang sætning', address: '10.1.0.1', url };

beforeEach(() => {
	useTestDatabase();
});

describe('signUp', () => {
	it('reports every bad field at once and creates nothing', async () => {
		const { cookies, jar } = fakeCookies();
		const result = await signUp({ ...form, username: 'a b', password: 'kort', role: '', cookies });
		expect(result).toEqual({
			ok: false,
			status: 400,
			errors: {
				username: 'error_username_chars',
				password: expect.stringMatching(/^error_/),
				role: 'error_role_missing'
			}
		});
		expect(jar.size).toBe(0);
	});

	it('creates the account and signs in with a fresh session cookie', async () => {
		const { cookies, jar } = fakeCookies();
		const result = await signUp({ ...form, username: 'Ny_Elev', role: 'youth', cookies });
		if (!result.ok) throw new Error(JSON.stringify(result));
		expect(result.user).toMatchObject({ username: 'Ny_Elev', role: 'youth' });
		expect(findUserByUsername('ny_elev')?.id).toBe(result.user.id);
		expect(validateSessionToken(jar.get(SESSION_COOKIE)!)?.userId).toBe(result.user.id);
	});

	it('asks a professional for workplace and municipality, and files the application', async () => {
		const missing = await signUp({
			...form,
			username: 'laerer',
			role: 'professional',
			application: { workplace: '', municipality: 'Atlantis' },
			cookies: fakeCookies().cookies
		});
		expect(missing).toEqual({
			ok: false,
			status: 400,
			errors: {
				workplace: 'error_workplace_missing',
				municipality: 'error_pro_municipality_unknown'
			}
		});
		expect(findUserByUsername('laerer')).toBeUndefined();

		const result = await signUp({
			...form,
			username: 'laerer',
			role: 'professional',
			application: { workplace: 'Herlev Skole', municipality: 'Herlev' },
			cookies: fakeCookies().cookies
		});
		if (!result.ok) throw new Error(JSON.stringify(result));
		expect(result.user.pending).toBe(true);
		expect(applicationOf(result.user.id)).toMatchObject({
			workplace: 'Herlev Skole',
			municipality: 'Herlev',
			status: 'pending'
		});
	});

	it('refuses a taken name', async () => {
		await signUp({ ...form, username: 'optaget', role: 'parent', cookies: fakeCookies().cookies });
		const again = await signUp({
			...form,
			username: 'OPTAGET',
			role: 'youth',
			cookies: fakeCookies().cookies
		});
		expect(again).toEqual({ ok: false, status: 400, errors: { username: 'error_username_taken' } });
	});

	it('drops the visit cookie when asked not to keep it, and leaves it when the form did not ask', async () => {
		const dropped = fakeCookies({ besoeg: 'x.y' });
		await signUp({
			...form,
			username: 'dropper',
			role: 'youth',
			cookies: dropped.cookies,
			keepVisitResults: false
		});
		expect(dropped.jar.has('besoeg')).toBe(false);
		const untouched = fakeCookies({ besoeg: 'x.y' });
		await signUp({ ...form, username: 'klasseelev', role: 'youth', cookies: untouched.cookies });
		expect(untouched.jar.get('besoeg')).toBe('x.y');
	});
});
