import { beforeEach, describe, expect, it } from 'vitest';
import { insertTestUser, useTestDatabase } from '$testing/test-db';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import {
	DEFAULT_INACTIVE_MONTHS,
	deleteInactiveAccounts,
	inactiveMonths,
	monthsBefore
} from './inactive-accounts';

const now = new Date('2026-11-25T12:00:00.000Z');
const eighteenMonthsAgo = new Date('2025-05-25T12:00:00.000Z');

let counter = 0;
const account = (role: 'youth' | 'parent' | 'professional' | 'admin', lastActiveAt: Date) =>
	insertTestUser(getDb(), `konto-${++counter}`, { role, lastActiveAt });

const remaining = () =>
	getDb()
		.select({ id: users.id })
		.from(users)
		.all()
		.map((u) => u.id)
		.sort();

beforeEach(() => {
	useTestDatabase();
});

describe('monthsBefore', () => {
	it('goes back whole calendar months, to the last day of a shorter month', () => {
		expect(monthsBefore(now, 18)).toEqual(eighteenMonthsAgo);
		expect(monthsBefore(new Date('2026-08-31T08:00:00Z'), 6)).toEqual(
			new Date('2026-02-28T08:00:00Z')
		);
		expect(monthsBefore(new Date('2028-08-31T08:00:00Z'), 6)).toEqual(
			new Date('2028-02-29T08:00:00Z')
		);
		expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), 13)).toEqual(
			new Date('2024-12-15T00:00:00Z')
		);
	});
});

describe('inactiveMonths', () => {
	it('defaults to 18 and refuses anything but a whole number of months ≥ 1', () => {
		expect(DEFAULT_INACTIVE_MONTHS).toBe(18);
		expect(inactiveMonths(undefined)).toBe(18);
		expect(inactiveMonths('')).toBe(18);
		expect(inactiveMonths('24')).toBe(24);
		for (const bad of ['0', '-3', '1.5', 'atten'])
			expect(() => inactiveMonths(bad), bad).toThrow(/RETENTION_INACTIVE_MONTHS/);
	});
});

describe('deleteInactiveAccounts', () => {
	it('keeps an account inactive for exactly 18 months and deletes one inactive a moment longer', () => {
		const exactly = account('youth', eighteenMonthsAgo);
		const longer = account('youth', new Date(eighteenMonthsAgo.getTime() - 1));
		const recent = account('parent', new Date('2026-11-01T00:00:00Z'));
		const run = deleteInactiveAccounts({ now, months: 18 });
		expect(run).toEqual({ cutoff: eighteenMonthsAgo, months: 18, deleted: 1, dryRun: false });
		expect(remaining()).toEqual([exactly, recent]);
		expect(remaining()).not.toContain(longer);
	});

	it('deletes a professional and a parent too, but never an administrator', () => {
		const old = new Date('2020-01-01T00:00:00Z');
		const admin = account('admin', old);
		account('professional', old);
		account('parent', old);
		account('youth', old);
		expect(deleteInactiveAccounts({ now, months: 18 }).deleted).toBe(3);
		expect(remaining()).toEqual([admin]);
	});

	it('follows the clock it is given: the same account goes once enough time has passed', () => {
		const id = account('youth', new Date('2026-01-10T00:00:00Z'));
		expect(deleteInactiveAccounts({ now, months: 18 }).deleted).toBe(0);
		expect(
			deleteInactiveAccounts({ now: new Date('2027-07-10T00:00:00Z'), months: 18 }).deleted
		).toBe(0);
		expect(
			deleteInactiveAccounts({ now: new Date('2027-07-10T00:00:00.001Z'), months: 18 }).deleted
		).toBe(1);
		expect(remaining()).not.toContain(id);
	});

	it('uses RETENTION_INACTIVE_MONTHS when no number is given', () => {
		const id = account('youth', new Date('2026-04-01T00:00:00Z'));
		const before = process.env.RETENTION_INACTIVE_MONTHS;
		try {
			process.env.RETENTION_INACTIVE_MONTHS = '6';
			expect(deleteInactiveAccounts({ now })).toMatchObject({ months: 6, deleted: 1 });
			expect(remaining()).not.toContain(id);
		} finally {
			if (before === undefined) delete process.env.RETENTION_INACTIVE_MONTHS;
			else process.env.RETENTION_INACTIVE_MONTHS = before;
		}
	});

	it('only counts in a dry run', () => {
		const id = account('youth', new Date('2020-01-01T00:00:00Z'));
		expect(deleteInactiveAccounts({ now, months: 18, dryRun: true })).toMatchObject({
			deleted: 1,
			dryRun: true
		});
		expect(remaining()).toEqual([id]);
	});
});
