import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';
import { spend, TokenBucket } from './quotas';

describe('spend', () => {
	it('allows up to the limit in the window, then says how long to wait', () => {
		const limiter = new RateLimiter(3, 60_000);
		const t = 1_000_000;
		expect([spend(limiter, 'a', t), spend(limiter, 'a', t), spend(limiter, 'a', t)]).toEqual([
			0, 0, 0
		]);
		expect(spend(limiter, 'a', t + 1000)).toBe(59);
		expect(spend(limiter, 'b', t)).toBe(0);
		expect(spend(limiter, 'a', t + 60_000)).toBe(0);
	});
});

describe('TokenBucket', () => {
	it('takes a burst up to its capacity, then refills at its rate', () => {
		const bucket = new TokenBucket(5, 2);
		const t = 1_000_000;
		const burst = Array.from({ length: 7 }, () => bucket.take('hall', t));
		expect(burst).toEqual([true, true, true, true, true, false, false]);
		expect(bucket.take('hall', t + 499)).toBe(false);
		expect(bucket.take('hall', t + 500)).toBe(true);
		expect(bucket.take('other', t)).toBe(true);
	});
	it('a steady pace at the rate is never refused', () => {
		const bucket = new TokenBucket(2, 25);
		for (let i = 0; i < 1000; i++) expect(bucket.take('hall', i * 40)).toBe(true);
	});
});
