import { describe, expect, it } from 'vitest';
import { LagTracker, parseLitestreamMetrics } from './lag';

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

describe('LagTracker', () => {
	const look = (shadow: [number, number], replica: [number, number]) =>
		parseLitestreamMetrics(metrics(shadow, replica));

	it('is 0 while the replica holds everything Litestream has read', () => {
		const lag = new LagTracker(0);
		lag.observe(look([0, 100], [0, 100]), 1000);
		lag.observe(look([1, 32], [1, 32]), 2000);
		expect(lag.lagSeconds(2900)).toBe(0);
	});

	it('under steady writes, counts from when the oldest data the replica lacks was first seen', () => {
		const lag = new LagTracker(0);
		// Each look finds new data read, and the replica holding what the look before found.
		lag.observe(look([0, 100], [0, 50]), 1000);
		lag.observe(look([0, 200], [0, 100]), 2000);
		lag.observe(look([0, 300], [0, 200]), 3000);
		expect(lag.lagSeconds(3500)).toBe(0.5);
		// The replica stops moving: the lag grows from the first position it lacks.
		lag.observe(look([0, 400], [0, 200]), 4000);
		lag.observe(look([1, 32], [0, 200]), 5000);
		expect(lag.lagSeconds(5000)).toBe(2);
		lag.observe(look([1, 64], [1, 32]), 6000);
		expect(lag.lagSeconds(6000)).toBe(0);
	});

	it('counts from the last good look while the metrics cannot be read', () => {
		const lag = new LagTracker(0);
		lag.observe(look([0, 100], [0, 100]), 1000);
		lag.observe(null, 2000);
		lag.observe(null, 3000);
		expect(lag.lagSeconds(3500)).toBe(2.5);
	});

	it('counts from the start until the first good look', () => {
		const lag = new LagTracker(10_000);
		expect(lag.lagSeconds(10_500)).toBe(0.5);
		lag.observe(null, 11_000);
		expect(lag.lagSeconds(12_000)).toBe(2);
	});
});
