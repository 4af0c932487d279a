import { m } from '$lib/paraglide/messages';
import type { Dilemma, LiveEveningView, PollQuestion } from '$lib/evening/types';
import type { Question } from '../content/types';
import { eveningLibrary } from '../content/library';
import { optionToken, type QuestionView } from '../learning/quiz-form';
import type { LiveActivity } from '../live/activity';
import { transition, type LiveCommand, type LiveState } from '../live/state-machine';
import type { LiveSessionRow } from '../live/store';
import { eveningSessionOf } from './evening-sessions';
import { MINIMUM_GROUP_SIZE } from '../measures/minimum-group';
import { addPollCounts, getPoll, type PollRow } from './poll-store';
import { pollQuestions, questionFigures } from './polls';
import { scopeName } from './scope';

/**
 * The evening's libraries are written in Danish only, so every participant reads the rounds in
 * Danish (marked lang="da" on their screen), whatever language their page is in.
 */
const da = { locale: 'da' } as const;

interface Round {
	question: Question;
	view: QuestionView;
	tokens: Map<string, string>;
	/** A guess round: the poll question; a dilemma round: the dilemma. */
	about: { kind: 'guess'; question: PollQuestion } | { kind: 'dilemma'; dilemma: Dilemma };
}

function round(seed: string, id: string, prompt: string, options: { id: string; text: string }[]) {
	const question: Question = {
		id,
		type: 'single',
		prompt,
		explanation: '',
		options: options.map((o) => ({ ...o, feedback: '', correct: false }))
	};
	// Options keep the author's order: a scale ("Nej … Ja, tit") must read as one.
	const tokens = options.map((o) => ({
		token: optionToken(seed, id, o.id),
		id: o.id,
		text: o.text
	}));
	return {
		question,
		view: {
			id,
			type: 'single' as const,
			prompt,
			options: tokens.map(({ token, text }) => ({ token, text }))
		},
		tokens: new Map(tokens.map((t) => [t.token, t.id]))
	};
}

function guessRound(seed: string, q: PollQuestion, asked: 'youth' | 'parents'): Round {
	const prompt = asked === 'youth' ? q.prompt : m.evening_guess_prompt({ prompt: q.prompt }, da);
	return {
		...round(seed, `gaet-${q.id}`, prompt, q.options),
		about: { kind: 'guess', question: q }
	};
}

function dilemmaRound(seed: string, d: Dilemma): Round {
	const options = [
		{ id: 'enig', text: m.dilemma_agree({}, da) },
		{ id: 'uenig', text: m.dilemma_disagree({}, da) },
		{ id: 'ved-ikke', text: m.dilemma_dont_know({}, da) }
	];
	const prompt = `${d.title}. ${d.situation}\n\n${m.dilemma_statement_prompt({ statement: d.statement }, da)}`;
	return {
		...round(seed, `dilemma-${d.id}`, prompt, options),
		about: { kind: 'dilemma', dilemma: d }
	};
}

/** Rounds that go one after the other, as a quiz does, without right answers. */
abstract class RoundsActivity implements LiveActivity {
	abstract readonly kind: 'poll' | 'evening';
	readonly path: number[] = [];
	readonly questionCount: number;
	readonly slug: string;
	readonly resultsHref: string | undefined;

	constructor(
		poll: PollRow | null,
		readonly title: string,
		readonly href: string,
		protected readonly rounds: Round[]
	) {
		this.slug = poll?.id ?? 'dilemmaer';
		this.resultsHref = poll ? `/fagperson/stemmer/${poll.id}` : undefined;
		this.questionCount = rounds.length;
	}
	get trackHref() {
		return this.href;
	}
	titleIn() {
		return { title: this.title, lang: 'da' };
	}
	question(r: number) {
		return this.rounds[r]?.question ?? null;
	}
	view(r: number) {
		return this.rounds[r]?.view ?? null;
	}
	tokenToId(r: number) {
		return this.rounds[r]?.tokens ?? new Map<string, string>();
	}
	next(state: LiveState, command: LiveCommand) {
		return transition(state, command, this.questionCount);
	}
	chat() {
		return null;
	}
	chosenReply() {
		return null;
	}
}

/**
 * The young people answer their poll in a live session: each answer is added to the poll's
 * counts (and the session's, for the bars) and stored as "answered", never as what. No figure
 * is shown until the minimum group size has answered the question.
 */
export class PollActivity extends RoundsActivity {
	readonly kind = 'poll';
	readonly anonymous = true;
	readonly minimumAnswers = MINIMUM_GROUP_SIZE;

	constructor(
		seed: string,
		private readonly poll: PollRow,
		questions: PollQuestion[],
		title: string
	) {
		super(
			poll,
			title,
			'/unge',
			questions.map((q) => guessRound(seed, q, 'youth'))
		);
	}

	recordAnswer(r: number, keys: string[], delta: 1 | -1) {
		const about = this.rounds[r]?.about;
		if (about?.kind === 'guess') addPollCounts(this.poll.id, about.question.id, keys, delta);
	}
}

/**
 * The parent evening: the parents guess what the young people answered, question by question,
 * and on reveal see the young people's answers beside their guesses; then dilemmas with an open
 * vote. The parents' guesses and votes are ordinary live answers (purged after 24 hours).
 */
export class EveningActivity extends RoundsActivity {
	readonly kind = 'evening';

	constructor(
		seed: string,
		private readonly poll: PollRow | null,
		questions: PollQuestion[],
		dilemmas: Dilemma[],
		title: string
	) {
		super(poll, title, '/foraeldre', [
			...questions.map((q) => guessRound(seed, q, 'parents')),
			...dilemmas.map((d) => dilemmaRound(seed, d))
		]);
	}

	hostExtra(state: LiveState, control: boolean): LiveEveningView | null {
		if (state.phase !== 'question' && state.phase !== 'revealed') return null;
		const about = this.rounds[state.questionIndex]?.about;
		if (!about) return null;
		if (about.kind === 'dilemma') {
			const { title, situation, statement, talkAbout } = about.dilemma;
			return { kind: 'dilemma', title, situation, statement, talkAbout: control ? talkAbout : [] };
		}
		return {
			kind: 'guess',
			youthPrompt: about.question.prompt,
			youth:
				state.phase === 'revealed' && this.poll
					? questionFigures(this.poll.id, about.question)
					: null
		};
	}
}

/** The title of a youth poll or parent evening session, as its pages show it. */
export function eveningTitle(kind: 'poll' | 'evening', poll: PollRow | null): string {
	const name = poll ? scopeName(poll).name : '';
	if (kind === 'poll') return name ? m.poll_live_title({ name }, da) : m.poll_title({}, da);
	return name ? m.evening_live_title({ name }, da) : m.evening_title({}, da);
}

/** The activity of a youth poll or parent evening session; null when its plan is gone. */
export function eveningActivityOf(row: LiveSessionRow): LiveActivity | null {
	const plan = eveningSessionOf(row.id);
	if (!plan || (row.kind !== 'poll' && row.kind !== 'evening')) return null;
	const poll = plan.pollId ? (getPoll(plan.pollId) ?? null) : null;
	const questions = poll ? pollQuestions(poll) : [];
	const title = eveningTitle(row.kind, poll);
	if (row.kind === 'poll')
		return poll && questions.length
			? new PollActivity(row.shuffleSeed, poll, questions, title)
			: null;
	const library = eveningLibrary();
	const dilemmas = plan.dilemmaIds.flatMap((id) => library.dilemmas.get(id) ?? []);
	return questions.length || dilemmas.length
		? new EveningActivity(row.shuffleSeed, poll, questions, dilemmas, title)
		: null;
}

/** The title of an evening session for the professional's list of sessions. */
export function eveningSessionTitle(row: LiveSessionRow): string | null {
	if (row.kind !== 'poll' && row.kind !== 'evening') return null;
	const plan = eveningSessionOf(row.id);
	return eveningTitle(row.kind, plan?.pollId ? (getPoll(plan.pollId) ?? null) : null);
}
