import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import type { FieldErrors } from '$lib/i18n';
import { eveningLibrary } from '$lib/server/content/library';
import { qrDataUrl } from '$lib/server/classes/qr';
import { field } from '$lib/server/http/form';
import { requirePollOwner } from '$lib/server/evening/guard';
import { MAX_DILEMMAS, startEveningLive, startPollLive } from '$lib/server/evening/live';
import { MINIMUM_GROUP_SIZE } from '$lib/server/measures/minimum-group';
import {
	linkAnswerCount,
	pollClosesAt,
	pollCounts,
	pollOpen,
	POLL_MAX_OPEN_DAYS,
	setPollClosed,
	type PollRow
} from '$lib/server/evening/poll-store';
import { pollQuestions, pollResults } from '$lib/server/evening/polls';
import { scopeName } from '$lib/server/evening/scope';
import type { StartOutcome } from '$lib/server/live/rooms';

/**
 * Why a closed poll cannot be opened again, or null: once the markers are deleted a browser that
 * answered could answer again, and a poll past its days stays closed.
 */
function reopenRefusal(poll: PollRow): FieldErrors[string] | null {
	if (poll.tokensPurgedAt) return 'poll_reopen_too_late';
	if (pollClosesAt(poll) <= new Date())
		return { key: 'poll_reopen_expired', params: { days: POLL_MAX_OPEN_DAYS } };
	return null;
}

export const load: PageServerLoad = async (event) => {
	const poll = requirePollOwner(event, event.params.id);
	const link = `${event.url.origin}/stemmer/${poll.code}`;
	return {
		poll: {
			id: poll.id,
			code: poll.code,
			for: scopeName(poll),
			closed: !pollOpen(poll),
			closesAt: pollClosesAt(poll),
			maxOpenDays: POLL_MAX_OPEN_DAYS,
			notReopenable: reopenRefusal(poll),
			link,
			linkAnswers: linkAnswerCount(poll.id)
		},
		qr: await qrDataUrl(link),
		results: pollResults(pollQuestions(poll), pollCounts(poll.id)),
		minimum: MINIMUM_GROUP_SIZE,
		dilemmas: [...eveningLibrary().dilemmas.values()].map(({ id, title, audience }) => ({
			id,
			title,
			audience
		})),
		maxDilemmas: MAX_DILEMMAS
	};
};

/** Where a started session goes; the live quota is told as on the live page. */
function afterStart(started: StartOutcome, retry: Record<string, string | string[]>) {
	if (started.ok) redirect(303, `/fagperson/live/${started.room.id}`);
	if (started.reason === 'quota')
		return fail(409, {
			liveError: { key: 'live_quota_running', params: { count: started.running } },
			retry
		} satisfies { liveError: FieldErrors[string]; retry: unknown });
	return fail(400, { liveError: 'evening_nothing_to_run' satisfies FieldErrors[string], retry });
}

function ownPoll(event: RequestEvent) {
	return requirePollOwner(event, event.params.id);
}

export const actions: Actions = {
	luk: (event) => {
		setPollClosed(ownPoll(event).id, true);
		return { done: 'poll_done_closed' };
	},
	aabn: (event) => {
		const poll = ownPoll(event);
		const refusal = reopenRefusal(poll);
		if (refusal) return fail(409, { error: refusal });
		setPollClosed(poll.id, false);
		return { done: 'poll_done_opened' };
	},
	live: async (event) => {
		const poll = ownPoll(event);
		if (!pollOpen(poll)) return fail(409, { error: 'poll_closed_notice' });
		const form = await event.request.formData();
		const choices = {
			teams: field(form, 'hold') === 'ja',
			endOldest: field(form, 'afslutAeldste') === 'ja'
		};
		return afterStart(startPollLive(poll.ownerId, poll, choices), {
			action: 'live',
			hold: field(form, 'hold')
		});
	},
	aften: async (event) => {
		const poll = ownPoll(event);
		const form = await event.request.formData();
		const dilemmaIds = form.getAll('dilemmaer').filter((v): v is string => typeof v === 'string');
		const started = startEveningLive(
			poll.ownerId,
			{ poll, dilemmaIds, themeDayId: poll.themeDayId },
			{ endOldest: field(form, 'afslutAeldste') === 'ja' }
		);
		return afterStart(started, { action: 'aften', dilemmaer: dilemmaIds });
	}
};
