import type { Module, Question } from '../content/types';
import { optionToken, quizView, type QuestionView } from '../learning/quiz-form';
import type { Scenario } from '$lib/scenarios/types';
import type { LiveChat } from '$lib/live/types';
import { replay } from '../scenarios/play';
import { transition, type LiveCommand, type LiveState } from './state-machine';

/**
 * The module or scenario in a language: its translation, or the Danish text when there is none.
 * A translation has the same questions, options and steps (content:check sees to that), so an
 * answer means the same in every language and all answers count together.
 */
export type InLanguage<T> = (locale: string) => T;

/**
 * What a session is about: a module's quiz, or a practice scenario the room votes through. The
 * projector and the counting use Danish; each participant reads in their own language.
 */
export interface LiveActivity {
	readonly kind: 'quiz' | 'scenario';
	/** The module's or the scenario's slug. */
	readonly slug: string;
	/** The Danish title (the projector's). */
	readonly title: string;
	/** The title and the language it is written in, for a reader of `locale`. */
	titleIn(locale: string): { title: string; lang: string };
	/** Where a participant goes on afterwards. */
	readonly href: string;
	readonly trackHref: string;
	/**
	 * The question of a round (the scenario's step reached by then); null when there is none.
	 * In Danish unless a locale is given: the feedback a participant reads.
	 */
	question(round: number, locale?: string): Question | null;
	view(round: number, locale?: string): QuestionView | null;
	tokenToId(round: number): ReadonlyMap<string, string>;
	/** A quiz's number of questions; null for a scenario, whose length depends on the replies. */
	readonly questionCount: number | null;
	/** The state after a command of the professional, or null when it does not fit now. */
	next(state: LiveState, command: LiveCommand, chooseReply: () => number): LiveState | null;
	chat(state: LiveState, locale?: string): LiveChat | null;
	/** A scenario round's reply once revealed (its index); null for a quiz. */
	chosenReply(round: number): number | null;
	/** The replies chosen so far (stored with the session's state); empty for a quiz. */
	readonly path: number[];
}

/** The language a module or scenario is written in for a reader of `locale`. */
const langOf = (content: { translated: boolean; locale: string }) =>
	content.translated ? content.locale : 'da';

export class QuizActivity implements LiveActivity {
	readonly kind = 'quiz';
	readonly path: number[] = [];
	readonly slug: string;
	readonly title: string;
	readonly href: string;
	readonly trackHref: string;
	readonly questionCount: number;
	private readonly module: Module;
	/** Locale → the question views in that language, made once. */
	private readonly views = new Map<string, QuestionView[]>();
	private readonly tokens: Map<string, string>[];

	constructor(
		private readonly inLanguage: InLanguage<Module>,
		private readonly seed: string
	) {
		const module = (this.module = inLanguage('da'));
		this.slug = module.slug;
		this.title = module.title;
		this.href = `/${module.track}/${module.slug}`;
		this.trackHref = `/${module.track}`;
		this.questionCount = module.questions.length;
		this.tokens = module.questions.map(
			(q) => new Map(q.options.map((o) => [optionToken(seed, q.id, o.id), o.id]))
		);
	}
	titleIn(locale: string) {
		const module = this.inLanguage(locale);
		return { title: module.title, lang: langOf(module) };
	}
	question(round: number, locale = 'da') {
		return this.inLanguage(locale).questions[round] ?? null;
	}
	view(round: number, locale = 'da') {
		let views = this.views.get(locale);
		if (!views) {
			views = quizView(this.inLanguage(locale), this.seed).questions;
			this.views.set(locale, views);
		}
		return views[round] ?? null;
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
	/** `${locale} ${round}` → the round in that language. */
	private readonly rounds = new Map<
		string,
		{ question: Question; view: QuestionView; tokens: Map<string, string> } | null
	>();

	constructor(
		private readonly inLanguage: InLanguage<Scenario>,
		private readonly seed: string,
		/** The replies chosen so far; owned by the room, stored with the session's state. */
		public path: number[]
	) {
		const scenario = inLanguage('da');
		this.slug = scenario.slug;
		this.title = scenario.title;
		this.href = `/${scenario.track}/oev/${scenario.slug}`;
		this.trackHref = `/${scenario.track}`;
	}

	titleIn(locale: string) {
		const scenario = this.inLanguage(locale);
		return { title: scenario.title, lang: langOf(scenario) };
	}

	private round(round: number, locale = 'da') {
		if (round < 0 || round > this.path.length) return null;
		const key = `${locale} ${round}`;
		if (!this.rounds.has(key)) {
			const step = replay(this.inLanguage(locale), this.path.slice(0, round))?.current;
			if (!step || step.ending) this.rounds.set(key, null);
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
				this.rounds.set(key, {
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
		return this.rounds.get(key) ?? null;
	}

	question(round: number, locale = 'da') {
		return this.round(round, locale)?.question ?? null;
	}
	view(round: number, locale = 'da') {
		return this.round(round, locale)?.view ?? null;
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
		// Rounds from the changed reply on are made again, in every language.
		for (const key of [...this.rounds.keys()])
			if (Number(key.split(' ')[1]) >= path.length) this.rounds.delete(key);
	}

	chosenReply(round: number): number | null {
		return this.path[round] ?? null;
	}

	chat(state: LiveState, locale = 'da'): LiveChat {
		// While a round is open, the chat shows the replies before it; once revealed, also the
		// chosen reply, what it did and what came back.
		const scenario = this.inLanguage(locale);
		const shown = state.phase === 'question' ? this.path.slice(0, state.questionIndex) : this.path;
		const played = replay(scenario, state.phase === 'waiting' ? [] : shown)!;
		return {
			counterpart: scenario.counterpart,
			turns: played.turns,
			incoming: played.current.messages,
			ending: state.phase === 'ended' ? played.current.ending : null,
			lang: langOf(scenario)
		};
	}
}
