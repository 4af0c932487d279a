import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerJob, registeredJobs, stopAllJobs, unregisterJob } from './scheduler';

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	stopAllJobs();
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('job scheduler', () => {
	it('runs a job once shortly after start, then on its interval', async () => {
		const job = vi.fn();
		registerJob('tael', 1000, job, 50);
		await vi.advanceTimersByTimeAsync(49);
		expect(job).toHaveBeenCalledTimes(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(job).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(999);
		expect(job).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(job).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(3000);
		expect(job).toHaveBeenCalledTimes(5);
	});

	it('logs a failing job instead of throwing, and tries again next time', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const job = vi.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue(undefined);
		registerJob('fejler', 1000, job, 0);
		await vi.advanceTimersByTimeAsync(0);
		expect(log).toHaveBeenCalledWith('Job "fejler" failed:', expect.any(Error));
		await vi.advanceTimersByTimeAsync(1000);
		expect(job).toHaveBeenCalledTimes(2);
		expect(log).toHaveBeenCalledTimes(1);
	});

	it('does not start a run while the previous one is still busy', async () => {
		let finish = () => {};
		const job = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
		registerJob('langsom', 100, job, 0);
		await vi.advanceTimersByTimeAsync(350);
		expect(job).toHaveBeenCalledTimes(1);
		finish();
		await vi.advanceTimersByTimeAsync(100);
		expect(job).toHaveBeenCalledTimes(2);
	});

	it('keeps one job per name and clears every timer on stop', async () => {
		const first = vi.fn();
		const second = vi.fn();
		registerJob('samme', 100, first, 0);
		registerJob('samme', 100, second, 0);
		registerJob('anden', 100, second, 0);
		expect(registeredJobs()).toEqual(['samme', 'anden']);
		expect(vi.getTimerCount()).toBe(2);
		await vi.advanceTimersByTimeAsync(0);
		expect(first).not.toHaveBeenCalled();
		unregisterJob('anden');
		stopAllJobs();
		expect(registeredJobs()).toEqual([]);
		expect(vi.getTimerCount()).toBe(0);
		await vi.advanceTimersByTimeAsync(1000);
		expect(second).toHaveBeenCalledTimes(2);
	});

	it('never keeps the process alive', async () => {
		vi.useRealTimers();
		const keepingAlive = () =>
			process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
		const before = keepingAlive();
		registerJob('baggrund', 60_000, () => {}, 0);
		expect(keepingAlive()).toBe(before);
		await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setTimeout(resolve, 5));
		// After the first run the job waits on its interval timer, also unref'd.
		expect(keepingAlive()).toBe(before);
	});
});
