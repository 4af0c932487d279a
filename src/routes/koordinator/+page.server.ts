import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { MUNICIPALITIES } from '$lib/municipalities';
import { pageHtml } from '$lib/server-html';
import { parseForm } from '$lib/server/http/parse-form';
import { requireCoordinatorAccount } from '$lib/server/coordinator/guard';
import { coordinatorReport } from '$lib/server/coordinator/report-page';
import { applicationSchema } from '$lib/server/professionals/application-form';
import { applicantView, submitApplication } from '$lib/server/professionals/applications';

export const load: PageServerLoad = (event) => {
	const user = requireCoordinatorAccount(event);
	if (user.pending) {
		return {
			applicant: applicantView(user.id),
			applicationMunicipalities: MUNICIPALITIES,
			report: null
		};
	}
	const view = coordinatorReport(event.url);
	return {
		applicant: null,
		...view,
		report: view.report && {
			...view.report,
			beforeAfter: view.report.beforeAfter.map((b) => ({
				...b,
				questions: b.questions.map((q) => ({
					...q,
					chart: q.chart && pageHtml(q.chart, event.isDataRequest)
				}))
			}))
		}
	};
};

export const actions: Actions = {
	ansoeg: async (event) => {
		const user = requireCoordinatorAccount(event);
		if (!user.pending) error(404, 'Not found');
		const parsed = parseForm(applicationSchema, await event.request.formData());
		if (!parsed.ok)
			return fail(400, { application: { values: parsed.values, errors: parsed.errors } });
		submitApplication(user.id, parsed.data);
		return { applied: true };
	}
};
