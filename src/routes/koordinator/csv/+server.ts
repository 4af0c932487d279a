import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireCoordinator } from '$lib/server/coordinator/guard';
import { coordinatorReport } from '$lib/server/coordinator/report-page';
import { reportCsvRows } from '$lib/server/coordinator/csv';
import { toCsv } from '$lib/server/classes/csv';

/** The report as CSV, one figure a row; hidden figures say so, never a number. */
export const GET: RequestHandler = (event) => {
	requireCoordinator(event);
	const { report } = coordinatorReport(event.url);
	if (!report) error(400, 'Bad request');
	const name = `tal-${report.filter.from}-${report.filter.to}.csv`;
	return new Response(toCsv(reportCsvRows(report)), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${name}"`,
			'Cache-Control': 'no-store'
		}
	});
};
