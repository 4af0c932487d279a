import type { RequestHandler } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { requireClassOwner } from '$lib/server/classes/guard';
import { memberProgress, membersOf } from '$lib/server/classes/classes';
import { classAssignments } from '$lib/server/classes/assignment-view';
import { buildClassGrid } from '$lib/server/classes/grid';
import { toCsv } from '$lib/server/classes/csv';

/** The class grid as CSV: one row per pupil, a status and a best score per assignment. */
export const GET: RequestHandler = (event) => {
	const classRow = requireClassOwner(event, event.params.id);
	const members = membersOf(classRow.id);
	const assigned = classAssignments(classRow.id, getLocale());
	const grid = buildClassGrid(
		members,
		assigned,
		memberProgress(
			members.map((x) => x.userId),
			assigned.map((a) => a.moduleSlug)
		)
	);
	const statusText = {
		not_started: m.grid_not_started(),
		in_progress: m.grid_in_progress(),
		passed: m.grid_passed(),
		practised: m.scenario_practised(),
		overdue: m.grid_overdue()
	};
	const header = [
		m.class_pupil(),
		...assigned.flatMap((a) => [a.title, `${m.csv_best_score()} (%)`])
	];
	const rows = grid.map((row) => [
		row.name,
		...row.cells.flatMap((cell) => [statusText[cell.status], cell.score])
	]);
	const filename = `${classRow.name.replace(/[^\p{L}\p{N}_-]+/gu, '-')}.csv`;
	return new Response(toCsv([header, ...rows]), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="klasse.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`,
			'Cache-Control': 'no-store'
		}
	});
};
