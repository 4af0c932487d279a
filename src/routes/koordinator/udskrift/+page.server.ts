import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { pageHtml } from '$lib/server-html';
import { installation } from '$lib/server/installation/settings';
import { requireCoordinator } from '$lib/server/coordinator/guard';
import { coordinatorReport } from '$lib/server/coordinator/report-page';

/** One page for the steering group: the key figures and before/after, to print. */
export const load: PageServerLoad = (event) => {
	requireCoordinator(event);
	const { report } = coordinatorReport(event.url);
	if (!report) error(400, 'Bad request');
	return {
		organisation: installation().organisation.name,
		madeAt: new Date().toISOString(),
		report: {
			...report,
			beforeAfter: report.beforeAfter.map((b) => ({
				...b,
				questions: b.questions.map((q) => ({
					...q,
					chart: q.chart && pageHtml(q.chart, event.isDataRequest)
				}))
			}))
		}
	};
};
