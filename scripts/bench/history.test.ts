import { describe, expect, it } from 'vitest';
import {
	HISTORY_COLUMNS,
	cpuChange,
	hasCurrentTable,
	historyHeader,
	historyRow,
	lastRun,
	type HistoryColumn
} from './history';

const OLD = `# Benchmark history

| when | commit | (a) visitor | ratio | targets |
| --- | --- | --- | --: | --- |
| 2026-11-25 19:51 UTC | 81c46c5 | 8183 req/s | 1.24 | missed |
`;

const row = (cpuB: string) =>
	historyRow(
		Object.fromEntries(
			HISTORY_COLUMNS.map((c) => [c, c === 'CPU (b) ms/req' ? cpuB : 'x'])
		) as Record<HistoryColumn, string>
	);

describe('bench history', () => {
	it('starts a new table when the columns changed, and reads its last row', () => {
		expect(hasCurrentTable(OLD)).toBe(false);
		expect(lastRun(OLD)).toBeNull();
		const current = OLD + '\n' + historyHeader();
		expect(hasCurrentTable(current)).toBe(true);
		expect(lastRun(current)).toBeNull();
		const two = current + row('4.80') + row('5.10');
		expect(lastRun(two)?.['CPU (b) ms/req']).toBe('5.10');
	});

	it('flags a rise of server CPU per request above 15 %', () => {
		expect(cpuChange('4.00', 4.4)?.flagged).toBe(false);
		expect(cpuChange('4.00', 4.7)).toEqual({ change: expect.closeTo(0.175, 5), flagged: true });
		expect(cpuChange('4.00', 3.0)?.flagged).toBe(false);
		expect(cpuChange(undefined, 3)).toBeNull();
		expect(cpuChange('–', 3)).toBeNull();
	});
});
