import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { qrDataUrl } from '$lib/server/classes/qr';
import { field } from '$lib/server/http/form';
import { publishedView } from '$lib/server/agreements/published';
import {
	agreementSetOfLink,
	ballotOf,
	submitProposal,
	submitVotes
} from '$lib/server/agreements/vote';
import { scopeName } from '$lib/server/evening/scope';
import { AGREEMENT_VOTING_DAYS, votingOpen } from '$lib/server/agreements/store';

function setOf(code: string) {
	const set = agreementSetOfLink(code);
	if (!set) error(404, 'Not found');
	return set;
}

export const load: PageServerLoad = async ({ params, cookies, url }) => {
	const set = setOf(params.kode);
	// One address per set: the participation cookie belongs to it.
	if (params.kode !== set.code) redirect(301, `/aftaler/${set.code}`);
	const link = `${url.origin}/aftaler/${set.code}`;
	if (set.publishedAt)
		return { published: publishedView(set), link, qr: await qrDataUrl(link), ballot: null };
	return {
		published: null,
		name: scopeName(set).name,
		link,
		qr: null,
		ballot: votingOpen(set) ? ballotOf(set, cookies) : null,
		votingDays: AGREEMENT_VOTING_DAYS
	};
};

export const actions: Actions = {
	stem: async ({ params, request, cookies, url, getClientAddress }) => {
		const set = setOf(params.kode);
		const outcome = submitVotes(set, await request.formData(), cookies, url, getClientAddress());
		if (!outcome.ok) return fail(outcome.status, { form: 'stem', error: outcome.error });
		return { voted: outcome.counted };
	},
	foreslaa: async ({ params, request, getClientAddress }) => {
		const set = setOf(params.kode);
		const text = field(await request.formData(), 'forslag');
		const outcome = submitProposal(set, text, getClientAddress());
		if (!outcome.ok) return fail(outcome.status, { form: 'foreslaa', error: outcome.error, text });
		return { proposed: true };
	}
};
