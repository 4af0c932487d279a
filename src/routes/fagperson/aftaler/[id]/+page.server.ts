import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import type { FieldErrors } from '$lib/i18n';
import { qrDataUrl } from '$lib/server/classes/qr';
import { requireAgreementSetOwner } from '$lib/server/agreements/guard';
import { agreementIdOf, MAX_AGREEMENTS, readAgreementText } from '$lib/server/agreements/forms';
import { addSuggestions, hasRoom, manageView } from '$lib/server/agreements/manage';
import {
	addAgreement,
	approveProposal,
	editAgreement,
	removeAgreement,
	setPublished,
	AGREEMENT_VOTING_DAYS,
	votingClosesAt,
	votingOpen
} from '$lib/server/agreements/store';
import { scopeName } from '$lib/server/evening/scope';

export const load: PageServerLoad = async (event) => {
	const set = requireAgreementSetOwner(event, event.params.id);
	const link = `${event.url.origin}/aftaler/${set.code}`;
	return {
		set: {
			id: set.id,
			for: scopeName(set),
			link,
			published: set.publishedAt !== null,
			votingOpen: votingOpen(set),
			votingClosesAt: votingClosesAt(set),
			votingDays: AGREEMENT_VOTING_DAYS,
			purged: set.ballotsPurgedAt !== null
		},
		qr: await qrDataUrl(link),
		max: MAX_AGREEMENTS,
		...manageView(set)
	};
};

function ownSet(event: RequestEvent) {
	return requireAgreementSetOwner(event, event.params.id);
}

/** A form's agreement and text, or the failure to show beside that agreement. */
async function idAndText(event: RequestEvent) {
	const form = await event.request.formData();
	const id = agreementIdOf(form);
	const parsed = readAgreementText(form);
	return { id, parsed };
}

const notFound = () => fail(404, { error: 'error_not_found' });

export const actions: Actions = {
	tilfoej: async (event) => {
		const set = ownSet(event);
		const ids = (await event.request.formData())
			.getAll('forslag')
			.filter((v): v is string => typeof v === 'string');
		const errors = addSuggestions(set, ids);
		if (errors) return fail(400, { form: 'tilfoej', errors });
		return { done: 'agreements_done_added' };
	},
	egen: async (event) => {
		const set = ownSet(event);
		const parsed = readAgreementText(await event.request.formData());
		if (!parsed.ok)
			return fail(400, { form: 'egen', errors: parsed.errors, values: parsed.values });
		if (!hasRoom(set))
			return fail(400, {
				form: 'egen',
				errors: {
					text: { key: 'agreements_too_many', params: { max: MAX_AGREEMENTS } }
				} satisfies FieldErrors,
				values: parsed.values
			});
		addAgreement(set.id, { text: parsed.data.text });
		return { done: 'agreements_done_added' };
	},
	ret: async (event) => {
		const set = ownSet(event);
		const { id, parsed } = await idAndText(event);
		if (id === null) return notFound();
		if (!parsed.ok)
			return fail(400, { form: `ret-${id}`, errors: parsed.errors, values: parsed.values });
		if (!editAgreement(set.id, id, parsed.data.text)) return notFound();
		return { done: 'agreements_done_saved' };
	},
	fjern: async (event) => {
		const set = ownSet(event);
		const id = agreementIdOf(await event.request.formData());
		if (id === null || !removeAgreement(set.id, id)) return notFound();
		return { done: 'agreements_done_removed' };
	},
	godkend: async (event) => {
		const set = ownSet(event);
		const { id, parsed } = await idAndText(event);
		if (id === null) return notFound();
		if (!parsed.ok)
			return fail(400, { form: `ret-${id}`, errors: parsed.errors, values: parsed.values });
		if (!hasRoom(set))
			return fail(400, {
				form: `ret-${id}`,
				errors: {
					text: { key: 'agreements_too_many', params: { max: MAX_AGREEMENTS } }
				} satisfies FieldErrors,
				values: parsed.values
			});
		if (!approveProposal(set.id, id, parsed.data.text)) return notFound();
		return { done: 'agreements_done_approved' };
	},
	afvis: async (event) => {
		const set = ownSet(event);
		const id = agreementIdOf(await event.request.formData());
		if (id === null || !removeAgreement(set.id, id)) return notFound();
		return { done: 'agreements_done_rejected' };
	},
	udgiv: (event) => {
		setPublished(ownSet(event).id, true);
		return { done: 'agreements_done_published' };
	},
	afpubliser: (event) => {
		const set = ownSet(event);
		// Once the vote markers are deleted, a browser that voted could vote again.
		if (set.ballotsPurgedAt) return fail(409, { error: 'agreements_reopen_too_late' });
		setPublished(set.id, false);
		return { done: 'agreements_done_unpublished' };
	}
};
