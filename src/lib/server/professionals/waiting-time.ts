const DAY_MS = 24 * 60 * 60 * 1000;

/** Fewer decisions than this say too little about how long the next one takes. */
export const MIN_DECISIONS = 3;

/**
 * The typical wait for a decision, in whole days (at least 1): the median of recent waits,
 * rounded up. Null when there are too few decisions to say.
 */
export function typicalWaitDays(waitsMs: number[]): number | null {
	if (waitsMs.length < MIN_DECISIONS) return null;
	const sorted = [...waitsMs].sort((a, b) => a - b);
	const mid = sorted.length / 2;
	const median = Number.isInteger(mid)
		? (sorted[mid - 1] + sorted[mid]) / 2
		: sorted[Math.floor(mid)];
	return Math.max(1, Math.ceil(median / DAY_MS));
}
