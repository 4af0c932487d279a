/**
 * bench/results/history.md: one table row per `npm run bench`. When the columns change, a new
 * table starts below the old ones, so old rows stay readable; a run compares itself with the
 * last row of the current table.
 */

export const HISTORY_COLUMNS = [
	'when',
	'commit',
	'(a) visitor',
	'(b) signed in',
	'(c) quiz POST',
	'(d) quiz POST, JS',
	'CPU (b) ms/req',
	'CPU (c) ms/req',
	'CPU (d) ms/req',
	'CPU (e) ms/req',
	'CPU (f) ms/req',
	'class of 30, p99 ms',
	'class of 30 scenario, p99 ms',
	'hall of 300, p99 ms',
	'JS gzip KB',
	'module page br KB',
	'other load on server core (max)',
	'targets'
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/** A rise of server CPU per request above this share is flagged. */
export const CPU_RISE_LIMIT = 0.15;

const cells = (line: string) =>
	line
		.trim()
		.replace(/^\||\|$/g, '')
		.split('|')
		.map((c) => c.trim());

export function historyHeader(): string {
	return (
		`| ${HISTORY_COLUMNS.join(' | ')} |\n` + `| ${HISTORY_COLUMNS.map(() => '---').join(' | ')} |\n`
	);
}

/** Whether the last table of the file has the current columns (else a new table must start). */
export function hasCurrentTable(history: string): boolean {
	const headers = history.split('\n').filter((l) => l.startsWith('| when |'));
	return headers.at(-1)?.trim() === historyHeader().split('\n')[0];
}

/** The last row of the current table, by column name; null when there is none yet. */
export function lastRun(history: string): Partial<Record<HistoryColumn, string>> | null {
	if (!hasCurrentTable(history)) return null;
	const lines = history.split('\n');
	const header = lines.findLastIndex((l) => l.startsWith('| when |'));
	const rows = lines.slice(header + 2).filter((l) => l.startsWith('|'));
	const last = rows.at(-1);
	if (!last) return null;
	const values = cells(last);
	return Object.fromEntries(HISTORY_COLUMNS.map((name, i) => [name, values[i]]));
}

export function historyRow(values: Record<HistoryColumn, string>): string {
	return `| ${HISTORY_COLUMNS.map((c) => values[c].replaceAll('|', '/')).join(' | ')} |\n`;
}

/**
 * How this run's CPU per request compares with the previous run's: the change as a share,
 * and whether it is a rise above the limit. Null when there is nothing to compare with.
 */
export function cpuChange(
	previous: string | undefined,
	now: number
): { change: number; flagged: boolean } | null {
	const before = Number.parseFloat(previous ?? '');
	if (!Number.isFinite(before) || before <= 0) return null;
	const change = now / before - 1;
	return { change, flagged: change > CPU_RISE_LIMIT };
}
