/**
 * Fixed-window counters kept in memory: one process serves the app, and a restart
 * forgetting failed attempts is harmless.
 */
export class RateLimiter {
	private readonly windows = new Map<string, { count: number; resetAt: number }>();

	constructor(
		readonly limit: number,
		readonly windowMs: number
	) {}

	/** Seconds until the key may try again, or 0 when it may try now. */
	retryAfter(key: string, now = Date.now()): number {
		const w = this.windows.get(key);
		if (!w || w.resetAt <= now) return 0;
		return w.count >= this.limit ? Math.ceil((w.resetAt - now) / 1000) : 0;
	}

	/** Counts one (failed) attempt for the key. */
	hit(key: string, now = Date.now()): void {
		const w = this.windows.get(key);
		if (!w || w.resetAt <= now) {
			this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
			if (this.windows.size > 50_000) this.sweep(now);
		} else {
			w.count++;
		}
	}

	/** Takes back one counted attempt (it turned out to be a success). */
	release(key: string): void {
		const w = this.windows.get(key);
		if (w && w.count > 0) w.count--;
	}

	reset(key: string): void {
		this.windows.delete(key);
	}

	private sweep(now: number): void {
		for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
	}
}
