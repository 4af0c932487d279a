/**
 * How far the replica is behind, from Litestream's Prometheus metrics: the position Litestream
 * has copied out of the WAL (shadow WAL index and size) against the position the replica holds
 * (replica WAL index and offset).
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

type Position = { index: number; offset: number };

const before = (a: Position, b: Position) =>
	a.index < b.index || (a.index === b.index && a.offset < b.offset);

/**
 * Replication lag, from one look at the metrics a second: how long ago Litestream was first seen
 * holding WAL data that the replica still lacks (0 when the replica holds all it has read).
 * While the metrics cannot be read (Litestream down, or not started yet) nothing can be vouched
 * for after the last good look, so the lag counts from that look at the latest.
 */
export class LagTracker {
	/** Positions Litestream has read that the replica did not hold yet, with when each was first seen. */
	private pending: { position: Position; seenAt: number }[] = [];
	private lastGoodLookAt: number;
	private readable = false;

	constructor(startedAt: number) {
		this.lastGoodLookAt = startedAt;
	}

	observe(positions: LitestreamPositions | null, at: number): void {
		this.readable = positions !== null;
		if (!positions) return;
		this.lastGoodLookAt = at;
		const read = { index: positions.shadow.index, offset: positions.shadow.size };
		const newest = this.pending.at(-1)?.position;
		if (!newest || before(newest, read)) this.pending.push({ position: read, seenAt: at });
		const replica = positions.replica;
		this.pending = this.pending.filter((p) => before(replica, p.position));
	}

	/** Seconds, to one decimal. */
	lagSeconds(now: number): number {
		const oldest = this.pending[0]?.seenAt ?? now;
		const since = this.readable ? oldest : Math.min(oldest, this.lastGoodLookAt);
		return Math.round(Math.max(0, now - since) / 100) / 10;
	}
}
