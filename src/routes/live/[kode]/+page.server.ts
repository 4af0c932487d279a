import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { field } from '$lib/server/http/form';
import { participantOf } from '$lib/server/live/join-page';
import { answerInLiveRoom } from '$lib/server/live/rooms';
import { postedSelections } from '$lib/server/learning/quiz-form';

export const load: PageServerLoad = ({ params, cookies, locals }) => {
	const found = participantOf(params.kode, cookies);
	if (!found) redirect(303, `/live?kode=${encodeURIComponent(params.kode)}`);
	return {
		code: params.kode,
		nickname: found.nickname,
		view: found.room.participantView(found.participantId, locals.locale)!
	};
};

export const actions: Actions = {
	svar: async ({ params, cookies, request }) => {
		const found = participantOf(params.kode, cookies);
		if (!found) redirect(303, `/live?kode=${encodeURIComponent(params.kode)}`);
		const form = await request.formData();
		const questionIndex = Number(field(form, 'q'));
		const outcome = answerInLiveRoom(found.room, found.participantId, questionIndex, form);
		if (outcome === 'ok') redirect(303, `/live/${params.kode}`);
		const question = found.room.questionView(questionIndex);
		return fail(400, {
			questionIndex,
			error: {
				unanswered: 'live_choose_answer',
				order: 'live_order_invalid',
				already: 'live_already',
				closed: 'live_closed'
			}[outcome],
			count: question?.options.length ?? 0,
			selections: postedSelections(form)
		});
	}
};
