import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
	it('allows up to the limit, then says how long to wait, then resets with the window', () => {
		const limiter = new RateLimiter(3, 60_000);
		const t0 = 1_000_000;
		for (let i = 0; i < 3; i++) {
			expect(limiter.retryAfter('a', t0)).toBe(0);
			limiter.hit('a', t0);
		}
		expect(limiter.retryAfter('a', t0 + 1000)).toBe(59);
		expect(limiter.retryAfter('b', t0)).toBe(0);
		expect(limiter.retryAfter('a', t0 + 60_000)).toBe(0);
	});
	it('forgets a key on reset (after a successful sign-in)', () => {
		const limiter = new RateLimiter(1, 60_000);
		limiter.hit('a');
		expect(limiter.retryAfter('a')).toBeGreaterThan(0);
		limiter.reset('a');
		expect(limiter.retryAfter('a')).toBe(0);
	});
});
