import type { Module, Question } from '../content/types';
import { optionToken, quizView, type QuestionView } from '../learning/quiz-form';
import type { Scenario } from '$lib/scenarios/types';
import type { LiveChat } from '$lib/live/types';
import { replay } from '../scenarios/play';
import { transition, type LiveCommand, type LiveState } from './state-machine';

/** What a session is about: a module's quiz, or a practice scenario the room votes through. */
export interface LiveActivity {
	readonly kind: 'quiz' | 'scenario';
	/** The module's or the scenario's slug. */
	readonly slug: string;
	readonly title: string;
	/** Where a participant goes on afterwards. */
	readonly href: string;
	readonly trackHref: string;
	/** The question of a round (the scenario's step reached by then); null when there is none. */
	question(round: number): Question | null;
	view(round: number): QuestionView | null;
	tokenToId(round: number): ReadonlyMap<string, string>;
	/** A quiz's number of questions; null for a scenario, whose length depends on the replies. */
	readonly questionCount: number | null;
	/** The state after a command of the professional, or null when it does not fit now. */
	next(state: LiveState, command: LiveCommand, chooseReply: () => number): LiveState | null;
	chat(state: LiveState): LiveChat | null;
	/** A scenario round's reply once revealed (its index); null for a quiz. */
	chosenReply(round: number): number | null;
	/** The replies chosen so far (stored with the session's state); empty for a quiz. */
	readonly path: number[];
}

export class QuizActivity implements LiveActivity {
	readonly kind = 'quiz';
	readonly path: number[] = [];
	readonly slug: string;
	readonly title: string;
	readonly href: string;
	readonly trackHref: string;
	readonly questionCount: number;
	private readonly views: QuestionView[];
	private readonly tokens: Map<string, string>[];

	constructor(
		private readonly module: Module,
		seed: string
	) {
		this.slug = module.slug;
		this.title = module.title;
		this.href = `/${module.track}/${module.slug}`;
		this.trackHref = `/${module.track}`;
		this.questionCount = module.questions.length;
		this.views = quizView(module, seed).questions;
		this.tokens = module.questions.map(
			(q) => new Map(q.options.map((o) => [optionToken(seed, q.id, o.id), o.id]))
		);
	}
	question(round: number) {
		return this.module.questions[round] ?? null;
	}
	view(round: number) {
		return this.views[round] ?? null;
	}
	tokenToId(round: number) {
		return this.tokens[round] ?? new Map();
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
 * A scenario voted through together: each round is the step the chat has reached. Round r is
 * the step after the first r replies of `path`; revealing a round adds the chosen reply.
 */
export class ScenarioActivity implements LiveActivity {
	readonly kind = 'scenario';
	readonly slug: string;
	readonly title: string;
	readonly href: string;
	readonly trackHref: string;
	readonly questionCount = null;
	private readonly rounds = new Map<
		number,
		{ question: Question; view: QuestionView; tokens: Map<string, string> } | null
	>();

	constructor(
		private readonly scenario: Scenario,
		private readonly seed: string,
		/** The replies chosen so far; owned by the room, stored with the session's state. */
		public path: number[]
	) {
		this.slug = scenario.slug;
		this.title = scenario.title;
		this.href = `/${scenario.track}/oev/${scenario.slug}`;
		this.trackHref = `/${scenario.track}`;
	}

	private round(round: number) {
		if (round < 0 || round > this.path.length) return null;
		if (!this.rounds.has(round)) {
			const step = replay(this.scenario, this.path.slice(0, round))?.current;
			if (!step || step.ending) this.rounds.set(round, null);
			else {
				const question: Question = {
					id: step.id,
					type: 'single',
					prompt: '',
					explanation: '',
					options: step.choices.map((c, i) => ({
						id: String(i),
						text: c.text,
						feedback: c.feedback,
						correct: false
					}))
				};
				// The replies keep the author's order: the room talks about them as A, B, C.
				const options = question.options.map((o) => ({
					id: o.id,
					token: optionToken(this.seed, step.id, o.id),
					text: o.text
				}));
				this.rounds.set(round, {
					question,
					view: {
						id: step.id,
						type: 'single',
						prompt: '',
						options: options.map(({ token, text }) => ({ token, text }))
					},
					tokens: new Map(options.map((o) => [o.token, o.id]))
				});
			}
		}
		return this.rounds.get(round) ?? null;
	}

	question(round: number) {
		return this.round(round)?.question ?? null;
	}
	view(round: number) {
		return this.round(round)?.view ?? null;
	}
	tokenToId(round: number) {
		return this.round(round)?.tokens ?? new Map();
	}

	next(state: LiveState, command: LiveCommand, chooseReply: () => number): LiveState | null {
		const r = state.questionIndex;
		switch (command) {
			case 'start':
				return state.phase === 'waiting' && this.question(0)
					? { phase: 'question', questionIndex: 0 }
					: null;
			case 'reveal': {
				if (state.phase !== 'question') return null;
				const choice = chooseReply();
				if (!this.question(r)?.options[choice]) return null;
				this.setPath([...this.path.slice(0, r), choice]);
				return { ...state, phase: 'revealed' };
			}
			case 'next':
				if (state.phase !== 'revealed') return null;
				return this.question(r + 1)
					? { phase: 'question', questionIndex: r + 1 }
					: { ...state, phase: 'ended' };
			case 'end':
				return state.phase === 'ended' ? null : { ...state, phase: 'ended' };
		}
	}

	private setPath(path: number[]) {
		this.path = path;
		for (const round of [...this.rounds.keys()]) if (round > path.length) this.rounds.delete(round);
		this.rounds.delete(path.length);
	}

	chosenReply(round: number): number | null {
		return this.path[round] ?? null;
	}

	chat(state: LiveState): LiveChat {
		// While a round is open, the chat shows the replies before it; once revealed, also the
		// chosen reply, what it did and what came back.
		const shown = state.phase === 'question' ? this.path.slice(0, state.questionIndex) : this.path;
		const played = replay(this.scenario, state.phase === 'waiting' ? [] : shown)!;
		return {
			counterpart: this.scenario.counterpart,
			turns: played.turns,
			incoming: played.current.messages,
			ending: state.phase === 'ended' ? played.current.ending : null,
			lang: this.scenario.translated ? this.scenario.locale : 'da'
		};
	}
}
