import { eveningLibrary } from '../content/library';
import { startLiveSession, type StartOutcome } from '../live/rooms';
import { saveEveningSession } from './evening-sessions';
import type { PollRow } from './poll-store';
import { pollQuestions } from './polls';

/** At most this many dilemmas in one parent evening: each is a table talk of ten minutes. */
export const MAX_DILEMMAS = 6;

/** How the professional runs the session (as for a live quiz). */
export interface LiveChoices {
	generatedNames?: boolean;
	teams?: boolean;
	endOldest?: boolean;
}

/** The young people answer their poll live, question by question, on any device. */
export function startPollLive(ownerId: string, poll: PollRow, choices: LiveChoices): StartOutcome {
	if (!pollQuestions(poll).length) return { ok: false, reason: 'unknown' };
	return startLiveSession({
		ownerId,
		kind: 'poll',
		track: 'unge',
		moduleSlug: 'de-unges-stemmer',
		themeDayId: poll.themeDayId,
		...choices,
		afterCreate: (sessionId) => saveEveningSession({ sessionId, pollId: poll.id, dilemmaIds: [] })
	});
}

/**
 * A parent evening: guesses on the poll's questions (when there is a poll), then the dilemmas
 * chosen (known ids only, at most MAX_DILEMMAS). Nothing to do is 'unknown'.
 */
export function startEveningLive(
	ownerId: string,
	plan: { poll: PollRow | null; dilemmaIds: string[]; themeDayId: string | null },
	choices: LiveChoices
): StartOutcome {
	const library = eveningLibrary();
	const dilemmaIds = [...new Set(plan.dilemmaIds)]
		.filter((id) => library.dilemmas.has(id))
		.slice(0, MAX_DILEMMAS);
	const questions = plan.poll ? pollQuestions(plan.poll) : [];
	if (!questions.length && !dilemmaIds.length) return { ok: false, reason: 'unknown' };
	return startLiveSession({
		ownerId,
		kind: 'evening',
		track: 'foraeldre',
		moduleSlug: 'foraeldreaften',
		themeDayId: plan.poll?.themeDayId ?? plan.themeDayId,
		...choices,
		afterCreate: (sessionId) =>
			saveEveningSession({ sessionId, pollId: plan.poll?.id ?? null, dilemmaIds })
	});
}
