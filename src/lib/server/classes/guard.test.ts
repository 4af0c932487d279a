import { beforeEach, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '$testing/test-db';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { createUser, toSessionUser, type SessionUser } from '../auth/user';
import { createClass } from './classes';
import { requireClassOwner } from './guard';

async function user(username: string, role: 'professional' | 'admin') {
	const result = await createUser({ username, password: 'en lang nok adgangskode', role });
	if (!result.ok) throw new Error('no user');
	getDb().update(users).set({ approvedAt: new Date() }).where(eq(users.id, result.user.id)).run();
	return toSessionUser(getDb().select().from(users).where(eq(users.id, result.user.id)).get()!);
}

const event = (u: SessionUser) => ({
	locals: { user: u, session: null, locale: 'da' as const },
	url: new URL('http://localhost/fagperson/klasser/x')
});

const status = (fn: () => unknown) => {
	try {
		fn();
		return 200;
	} catch (e) {
		return isHttpError(e) ? e.status : 500;
	}
};

describe('requireClassOwner', () => {
	let owner: SessionUser, other: SessionUser, admin: SessionUser;
	beforeEach(async () => {
		useTestDatabase();
		[owner, other, admin] = await Promise.all([
			user('ejer', 'professional'),
			user('anden', 'professional'),
			user('admin', 'admin')
		]);
	});

	it('opens a class for its owner only: another professional and an administrator get 404', () => {
		const c = createClass(owner.id, { name: '7.A', school: 'Skolen', ageGroup: '7. klasse' });
		expect(requireClassOwner(event(owner), c.id).id).toBe(c.id);
		expect(status(() => requireClassOwner(event(other), c.id))).toBe(404);
		expect(status(() => requireClassOwner(event(admin), c.id))).toBe(404);
		expect(status(() => requireClassOwner(event(owner), 'findes-ikke'))).toBe(404);
	});
	it('an administrator still opens a class of their own', () => {
		const own = createClass(admin.id, { name: 'Hold', school: 'Kommunen', ageGroup: 'voksne' });
		expect(requireClassOwner(event(admin), own.id).id).toBe(own.id);
	});
});
