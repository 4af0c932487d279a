/**
 * Background housekeeping in the one server process: each job runs once shortly after start,
 * then every `intervalMs`. Timers are unref'd so they never keep the process alive, a job that
 * throws is logged and tried again next time, and `stopAllJobs()` (called on shutdown) clears
 * every timer. Register a job with one line:
 *
 *   registerJob('delete-expired-sessions', DAY, () => deleteExpiredSessions());
 */

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
/** The first run waits a little so start-up (migrations, content) is not slowed down. */
export const FIRST_RUN_DELAY_MS = 10_000;

export type Job = () => unknown | Promise<unknown>;

interface Registered {
	timer: ReturnType<typeof setTimeout>;
	running: boolean;
}

const jobs = new Map<string, Registered>();

async function runOnce(name: string, entry: Registered, job: Job): Promise<void> {
	// A slow run is never overlapped by the next one.
	if (entry.running) return;
	entry.running = true;
	try {
		await job();
	} catch (error) {
		console.error(`Job "${name}" failed:`, error);
	} finally {
		entry.running = false;
	}
}

/** Registering a name again replaces the earlier job of that name. */
export function registerJob(
	name: string,
	intervalMs: number,
	job: Job,
	firstRunDelayMs = FIRST_RUN_DELAY_MS
): void {
	unregisterJob(name);
	const entry: Registered = {
		running: false,
		timer: setTimeout(() => {
			entry.timer = setInterval(() => void runOnce(name, entry, job), intervalMs);
			entry.timer.unref?.();
			void runOnce(name, entry, job);
		}, firstRunDelayMs)
	};
	entry.timer.unref?.();
	jobs.set(name, entry);
}

export function unregisterJob(name: string): void {
	const entry = jobs.get(name);
	if (!entry) return;
	// clearTimeout and clearInterval clear either kind of timer in Node.
	clearTimeout(entry.timer);
	jobs.delete(name);
}

export function registeredJobs(): string[] {
	return [...jobs.keys()];
}

export function stopAllJobs(): void {
	for (const name of [...jobs.keys()]) unregisterJob(name);
}
