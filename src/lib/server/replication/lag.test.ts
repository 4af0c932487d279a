import { describe, expect, it } from 'vitest';
import { LagTracker, caughtUp, parseLitestreamMetrics } from './lag';

const metrics = (shadow: [number, number], replica: [number, number]) => `
# HELP litestream_shadow_wal_index The current index of the shadow WAL
# TYPE litestream_shadow_wal_index gauge
litestream_shadow_wal_index{db="/d/sammen.db"} ${shadow[0]}
litestream_shadow_wal_size{db="/d/sammen.db"} ${shadow[1]}
litestream_replica_wal_bytes{db="/d/sammen.db",name="file"} 222512
litestream_replica_wal_index{db="/d/sammen.db",name="file"} ${replica[0]}
litestream_replica_wal_offset{db="/d/sammen.db",name="file"} ${replica[1]}
`;

describe('parseLitestreamMetrics', () => {
	it('reads the WAL positions', () => {
		expect(parseLitestreamMetrics(metrics([3, 16512], [2, 4096]))).toEqual({
			shadow: { index: 3, size: 16512 },
			replica: { index: 2, offset: 4096 }
		});
	});

	it('is null before anything has been replicated', () => {
		expect(parseLitestreamMetrics('litestream_shadow_wal_index{db="/d"} 0\n')).toBeNull();
		expect(parseLitestreamMetrics('')).toBeNull();
	});
});

describe('caughtUp', () => {
	it('holds when the replica has reached the shadow WAL position', () => {
		expect(caughtUp(parseLitestreamMetrics(metrics([0, 16512], [0, 16512]))!)).toBe(true);
		expect(caughtUp(parseLitestreamMetrics(metrics([0, 20632], [0, 16512]))!)).toBe(false);
		expect(caughtUp(parseLitestreamMetrics(metrics([1, 32], [0, 20632]))!)).toBe(false);
		expect(caughtUp(parseLitestreamMetrics(metrics([1, 32], [1, 32]))!)).toBe(true);
	});
});

describe('LagTracker', () => {
	it('is 0 while current, else counts from the last moment the replica was seen caught up', () => {
		const current = parseLitestreamMetrics(metrics([0, 100], [0, 100]));
		const behind = parseLitestreamMetrics(metrics([0, 200], [0, 100]));
		const lag = new LagTracker(0);
		lag.observe(current, 1000);
		expect(lag.lagSeconds(1400)).toBe(0);
		lag.observe(behind, 2000);
		lag.observe(behind, 3000);
		expect(lag.lagSeconds(3000)).toBe(2);
		// No metrics (Litestream down): the lag keeps growing.
		lag.observe(null, 4000);
		expect(lag.lagSeconds(4500)).toBe(3.5);
		lag.observe(current, 5000);
		expect(lag.lagSeconds(5000)).toBe(0);
	});

	it('counts from the start until the first replication', () => {
		const lag = new LagTracker(10_000);
		expect(lag.lagSeconds(10_500)).toBe(0.5);
		lag.observe(null, 11_000);
		expect(lag.lagSeconds(12_000)).toBe(2);
	});
});
