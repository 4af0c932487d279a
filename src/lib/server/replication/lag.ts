/**
 * How far the replica is behind, from Litestream's Prometheus metrics: the position Litestream
 * has copied out of the WAL (shadow WAL index and size) against the position the replica holds
 * (replica WAL index and offset). When they match, everything Litestream has read is replicated.
 */
export interface LitestreamPositions {
	shadow: { index: number; size: number };
	replica: { index: number; offset: number };
}

function gauge(text: string, name: string): number | null {
	const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
	if (!line) return null;
	const value = Number(line.slice(line.lastIndexOf(' ') + 1));
	return Number.isFinite(value) ? value : null;
}

/** The positions in a metrics page, or null before Litestream has replicated anything. */
export function parseLitestreamMetrics(text: string): LitestreamPositions | null {
	const shadowIndex = gauge(text, 'litestream_shadow_wal_index');
	const shadowSize = gauge(text, 'litestream_shadow_wal_size');
	const replicaIndex = gauge(text, 'litestream_replica_wal_index');
	const replicaOffset = gauge(text, 'litestream_replica_wal_offset');
	if (
		shadowIndex === null ||
		shadowSize === null ||
		replicaIndex === null ||
		replicaOffset === null
	)
		return null;
	return {
		shadow: { index: shadowIndex, size: shadowSize },
		replica: { index: replicaIndex, offset: replicaOffset }
	};
}

export function caughtUp(p: LitestreamPositions): boolean {
	return (
		p.replica.index > p.shadow.index ||
		(p.replica.index === p.shadow.index && p.replica.offset >= p.shadow.size)
	);
}

/**
 * Replication lag: 0 while the last look found the replica holding everything Litestream had
 * read from the WAL; otherwise the time since it last did. Fed one observation per poll; an
 * observation that could not be made (no metrics: Litestream down or not started yet) counts as
 * behind, so the lag keeps growing.
 */
export class LagTracker {
	private caughtUpAt: number;
	private current = false;

	constructor(startedAt: number) {
		this.caughtUpAt = startedAt;
	}

	observe(positions: LitestreamPositions | null, at: number): void {
		this.current = positions !== null && caughtUp(positions);
		if (this.current) this.caughtUpAt = at;
	}

	/** Seconds, to one decimal. */
	lagSeconds(now: number): number {
		if (this.current) return 0;
		return Math.round(Math.max(0, now - this.caughtUpAt) / 100) / 10;
	}
}
