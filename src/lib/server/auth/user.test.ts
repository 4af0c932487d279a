import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '$testing/test-db';
import { getDb } from '../db/client';
import {
	approveProfessional,
	createUser,
	deleteUser,
	effectiveRole,
	findUserByUsername,
	getUser,
	markActiveIfStale,
	setRole,
	toSessionUser,
	usernameProblem
} from './user';
import { createSession, validateSessionToken } from './session';
import { recordAttempt } from '../learning/progress';
import { pendingApplicants } from '../professionals/applications';

beforeEach(() => {
	useTestDatabase();
});

describe('usernameProblem', () => {
	it('takes 3–32 letters (æøå too), digits, dot, dash and underscore', () => {
		expect(usernameProblem('ab')).toBe('username_length');
		expect(usernameProblem('a'.repeat(33))).toBe('username_length');
		expect(usernameProblem('Søren_2011')).toBeNull();
		expect(usernameProblem('to ord')).toBe('username_chars');
		expect(usernameProblem('mig@mail.dk')).toBe('username_chars');
	});
});

describe('accounts', () => {
	it('keeps usernames unique regardless of case', async () => {
		expect(
			(await createUser({ username: 'Emma', password: 'x'.repeat(8), role: 'youth' })).ok
		).toBe(true);
		expect(await createUser({ username: 'EMMA', password: 'y'.repeat(8), role: 'parent' })).toEqual(
			{ ok: false, error: 'username_taken' }
		);
		expect(findUserByUsername('emma')?.username).toBe('Emma');
	});

	it('makes a professional pending until approved, acting as a parent meanwhile', async () => {
		const created = await createUser({
			username: 'laerer',
			password: 'x'.repeat(8),
			role: 'professional'
		});
		if (!created.ok) throw new Error();
		expect(created.user.pending).toBe(true);
		expect(effectiveRole(created.user)).toBe('parent');
		expect(pendingApplicants().map((u) => u.username)).toEqual(['laerer']);
		expect(approveProfessional(created.user.id)).toBe(true);
		expect(approveProfessional(created.user.id)).toBe(false);
		expect(effectiveRole(toSessionUser(findUserByUsername('laerer')!))).toBe('professional');
	});

	it('ends every session when the role changes', async () => {
		const created = await createUser({
			username: 'skifter',
			password: 'x'.repeat(8),
			role: 'professional'
		});
		if (!created.ok) throw new Error();
		const { token } = createSession(created.user.id);
		setRole(created.user.id, 'parent');
		expect(validateSessionToken(token)).toBeNull();
	});

	it('deletes every row that belongs to the account', async () => {
		const created = await createUser({
			username: 'sletmig',
			password: 'x'.repeat(8),
			role: 'youth'
		});
		if (!created.ok) throw new Error();
		const id = created.user.id;
		createSession(id);
		recordAttempt(id, 'modul', {
			correctCount: 1,
			questionCount: 1,
			score: 100,
			passed: true,
			results: [{ questionId: 'q', answer: ['a'], correct: true }]
		});
		deleteUser(id);
		const sqlite = getDb().$client;
		for (const table of [
			'users',
			'sessions',
			'module_progress',
			'quiz_attempts',
			'attempt_answers'
		]) {
			expect(sqlite.prepare(`select count(*) n from ${table}`).get(), table).toEqual({ n: 0 });
		}
	});

	it('marks use of the site as activity, at most once an hour', async () => {
		const start = new Date('2026-03-01T10:00:00Z');
		const created = await createUser({
			username: 'bruger',
			password: 'x'.repeat(8),
			role: 'parent',
			now: start
		});
		if (!created.ok) throw new Error();
		const id = created.user.id;
		const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
		markActiveIfStale(getUser(id)!, at(60));
		expect(getUser(id)?.lastActiveAt).toEqual(start);
		markActiveIfStale(getUser(id)!, at(61));
		expect(getUser(id)?.lastActiveAt).toEqual(at(61));
		markActiveIfStale(getUser(id)!, at(90));
		expect(getUser(id)?.lastActiveAt).toEqual(at(61));
	});
});
