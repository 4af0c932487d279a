import { beforeEach, describe, expect, it } from 'vitest';
import { insertTestUser, useTestDatabase } from '$testing/test-db';
import type { AppDatabase } from '../db/client';
import { getUser, toSessionUser, type SessionUser } from '../auth/user';
import { requireApplicant } from './guard';
import { exportUserData } from '../account/data-export';
import { createSession, validateSessionToken } from '../auth/session';
import { parseForm } from '../http/parse-form';
import { applicationSchema, declineSchema } from './application-form';
import {
	applicationOf,
	approveApplicant,
	currentWaitDays,
	declineApplicant,
	dismissWelcome,
	pendingApplicants,
	submitApplication,
	welcomeDue
} from './applications';
import { typicalWaitDays } from './waiting-time';

const DAY = 24 * 60 * 60 * 1000;
const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
};

let db: AppDatabase;
beforeEach(() => {
	db = useTestDatabase();
});

describe('the application form', () => {
	it('asks for a workplace and one of the 98 municipalities', () => {
		const ok = parseForm(
			applicationSchema,
			form({ workplace: ' Herlev Skole ', municipality: 'Herlev' })
		);
		expect(ok).toMatchObject({
			ok: true,
			data: { workplace: 'Herlev Skole', municipality: 'Herlev' }
		});
		const empty = parseForm(applicationSchema, form({}));
		expect(empty.ok || empty.errors).toEqual({
			workplace: 'error_workplace_missing',
			municipality: 'error_pro_municipality_missing'
		});
		const wrong = parseForm(
			applicationSchema,
			form({ workplace: 'x'.repeat(121), municipality: 'Gotham' })
		);
		expect(wrong.ok || wrong.errors).toEqual({
			workplace: { key: 'error_too_long', params: { max: 120 } },
			municipality: 'error_pro_municipality_unknown'
		});
	});

	it('wants a reason to decline', () => {
		const missing = parseForm(declineSchema, form({ userId: 'u1', reason: '  ' }));
		expect(missing.ok || missing.errors).toEqual({ reason: 'error_decline_reason_missing' });
	});
});

describe('applications', () => {
	const input = { workplace: 'Herlev Skole', municipality: 'Herlev' } as const;

	it('lists waiting professionals with what they wrote, and accounts from before applications', () => {
		insertTestUser(db, 'ny', { role: 'professional' });
		insertTestUser(db, 'gammel', { role: 'professional' });
		insertTestUser(db, 'ung', { role: 'youth' });
		submitApplication('ny', input);
		const pending = pendingApplicants();
		expect(pending.map((p) => [p.id, p.workplace, p.municipality])).toEqual([
			['ny', 'Herlev Skole', 'Herlev'],
			['gammel', null, null]
		]);
	});

	it('approves once, ends the sessions, and welcomes until the welcome is put away', () => {
		insertTestUser(db, 'ny', { role: 'professional' });
		submitApplication('ny', input, new Date(0));
		const { token } = createSession('ny');
		expect(welcomeDue('ny')).toBe(false);
		expect(approveApplicant('ny', new Date(DAY))).toBe(true);
		expect(approveApplicant('ny')).toBe(false);
		expect(validateSessionToken(token)).toBeNull();
		expect(toSessionUser(getUser('ny')!).pending).toBe(false);
		expect(applicationOf('ny')).toMatchObject({ status: 'approved', decidedAt: new Date(DAY) });
		expect(pendingApplicants()).toEqual([]);
		expect(welcomeDue('ny')).toBe(true);
		dismissWelcome('ny');
		expect(welcomeDue('ny')).toBe(false);
	});

	it('declines with a reason; the applicant stays a parent and may apply again', () => {
		insertTestUser(db, 'ny', { role: 'professional' });
		submitApplication('ny', input);
		expect(declineApplicant('ny', 'Skriv skolens navn.')).toBe(true);
		expect(declineApplicant('ny', 'Igen')).toBe(false);
		expect(applicationOf('ny')).toMatchObject({
			status: 'declined',
			declineReason: 'Skriv skolens navn.'
		});
		expect(toSessionUser(getUser('ny')!).pending).toBe(true);
		expect(pendingApplicants()).toEqual([]);

		submitApplication('ny', { ...input, workplace: 'Herlev Byskole' });
		expect(applicationOf('ny')).toMatchObject({ status: 'pending', declineReason: null });
		expect(pendingApplicants().map((p) => p.workplace)).toEqual(['Herlev Byskole']);
	});

	it("is part of the applicant's data export", () => {
		insertTestUser(db, 'ny', { role: 'professional' });
		insertTestUser(db, 'ung', { role: 'youth' });
		submitApplication('ny', input, new Date(0));
		declineApplicant('ny', 'Skriv skolens navn.', new Date(DAY));
		expect(exportUserData('ny')!.professionalApplication).toEqual({
			workplace: 'Herlev Skole',
			municipality: 'Herlev',
			status: 'declined',
			declineReason: 'Skriv skolens navn.',
			submittedAt: new Date(0),
			decidedAt: new Date(DAY),
			welcomedAt: null
		});
		expect(exportUserData('ung')!.professionalApplication).toBeNull();
	});

	it('declines an account from before applications too', () => {
		insertTestUser(db, 'gammel', { role: 'professional' });
		expect(declineApplicant('gammel', 'Hvem er du?')).toBe(true);
		expect(applicationOf('gammel')).toMatchObject({ status: 'declined', workplace: '' });
	});

	it('decides only for waiting professionals', () => {
		insertTestUser(db, 'ung', { role: 'youth' });
		insertTestUser(db, 'admin', { role: 'admin' });
		for (const id of ['ung', 'admin', 'findes-ikke']) {
			expect(approveApplicant(id)).toBe(false);
			expect(declineApplicant(id, 'Nej')).toBe(false);
		}
		expect(applicationOf('ung')).toBeUndefined();
	});

	it('tells the typical wait from recent decisions', () => {
		const waits = [1, 2, 3].map((days, i) => {
			insertTestUser(db, `p${i}`, { role: 'professional' });
			submitApplication(`p${i}`, input, new Date(0));
			return days;
		});
		approveApplicant('p0', new Date(waits[0] * DAY));
		approveApplicant('p1', new Date(waits[1] * DAY));
		expect(currentWaitDays()).toBeNull();
		declineApplicant('p2', 'Nej', new Date(waits[2] * DAY));
		expect(currentWaitDays()).toBe(2);
	});
});

describe('typicalWaitDays', () => {
	it('is the median wait, rounded up to whole days, from three decisions on', () => {
		expect(typicalWaitDays([])).toBeNull();
		expect(typicalWaitDays([DAY, DAY])).toBeNull();
		expect(typicalWaitDays([DAY, 10 * DAY, 2 * DAY])).toBe(2);
		expect(typicalWaitDays([DAY, 2 * DAY, 3 * DAY, 40 * DAY])).toBe(3);
		// Decided within the hour is still "about a day".
		expect(typicalWaitDays([60_000, 60_000, 60_000])).toBe(1);
		expect(typicalWaitDays([0, 0, 0])).toBe(1);
	});
});

describe('requireApplicant', () => {
	const event = (user: SessionUser | null) =>
		({ locals: { user }, url: new URL('http://x/fagperson') }) as Parameters<
			typeof requireApplicant
		>[0];
	const person = (role: SessionUser['role'], pending: boolean): SessionUser => ({
		id: 'u',
		username: 'u',
		displayName: null,
		role,
		pending
	});

	it('lets only professionals who are not approved yet (waiting or refused) apply', () => {
		expect(requireApplicant(event(person('professional', true))).id).toBe('u');
		for (const other of [
			person('professional', false),
			person('parent', false),
			person('youth', false),
			person('admin', false)
		])
			expect(() => requireApplicant(event(other))).toThrow(
				expect.objectContaining({ status: 404 })
			);
		expect(() => requireApplicant(event(null))).toThrow(expect.objectContaining({ status: 303 }));
	});
});
