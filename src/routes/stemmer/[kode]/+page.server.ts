import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { answeredHere, pollOfLink, submitPollAnswers } from '$lib/server/evening/answer-poll';
import { pollQuestions } from '$lib/server/evening/polls';
import { pollOpen } from '$lib/server/evening/poll-store';
import { scopeName } from '$lib/server/evening/scope';

function pollOf(code: string) {
	const poll = pollOfLink(code);
	if (!poll) error(404, 'Not found');
	return poll;
}

export const load: PageServerLoad = ({ params, cookies }) => {
	const poll = pollOf(params.kode);
	// One address per poll: the participation cookie belongs to it.
	if (params.kode !== poll.code) redirect(301, `/stemmer/${poll.code}`);
	return {
		name: scopeName(poll).name,
		closed: !pollOpen(poll),
		answered: answeredHere(poll, cookies),
		questions: pollQuestions(poll).map(({ id, prompt, options }) => ({ id, prompt, options }))
	};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url, getClientAddress }) => {
		const poll = pollOf(params.kode);
		const form = await request.formData();
		const outcome = submitPollAnswers(poll, form, cookies, url, getClientAddress());
		if (!outcome.ok)
			return fail(outcome.status, {
				error: outcome.error,
				chosen: Object.fromEntries(
					pollQuestions(poll).map((q) => [q.id, String(form.get(`q-${q.id}`) ?? '')])
				)
			});
		redirect(303, `/stemmer/${poll.code}`);
	}
};
