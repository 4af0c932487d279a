import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertTestUser, useTestDatabase } from '$testing/test-db';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { registerHousekeepingJobs } from './housekeeping';
import { DAY, FIRST_RUN_DELAY_MS, registeredJobs, stopAllJobs } from './scheduler';

beforeEach(() => {
	useTestDatabase();
	vi.useFakeTimers({ now: new Date('2026-11-25T12:00:00Z') });
});

afterEach(() => {
	stopAllJobs();
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('housekeeping jobs', () => {
	it('sweep sessions and delete inactive accounts shortly after start, then daily', async () => {
		const log = vi.spyOn(console, 'log').mockImplementation(() => {});
		registerHousekeepingJobs();
		expect(registeredJobs()).toEqual([
			'delete-expired-sessions',
			'purge-live-session-data',
			'live-heartbeat',
			'purge-evening-markers',
			'drop-idle-live-rooms',
			'close-stale-measures',
			'delete-inactive-accounts'
		]);
		insertTestUser(getDb(), 'glemt', { lastActiveAt: new Date('2024-01-01T00:00:00Z') });
		insertTestUser(getDb(), 'aktiv', { lastActiveAt: new Date('2026-11-01T00:00:00Z') });
		await vi.advanceTimersByTimeAsync(FIRST_RUN_DELAY_MS);
		expect(getDb().select({ id: users.id }).from(users).all()).toEqual([{ id: 'aktiv' }]);
		expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Retention: deleted 1 account/));

		// Two years on, the next daily runs find the other account unused too.
		vi.setSystemTime(new Date('2028-11-25T12:00:00Z'));
		await vi.advanceTimersByTimeAsync(DAY);
		expect(getDb().select({ id: users.id }).from(users).all()).toEqual([]);
	});
});
