import type { MessageKey } from '$lib/i18n';

/** The theme-day evening's content and figures, as pages and components get them. */

export type EveningAudience = 'unge' | 'foraeldre' | 'begge';

export interface PollOption {
	id: string;
	text: string;
}

/** A question of the young people's poll ("De unges stemmer"). */
export interface PollQuestion {
	id: string;
	prompt: string;
	options: PollOption[];
	/** The title of the file it comes from, e.g. "Oplevelser på nettet". */
	group: string;
}

export interface Dilemma {
	id: string;
	title: string;
	audience: EveningAudience;
	situation: string;
	statement: string;
	talkAbout: string[];
}

export interface AgreementSuggestion {
	id: string;
	audience: EveningAudience;
	text: string;
	why: string;
}

/** The young people's answers to one question, or nothing when too few answered. */
export type YouthFigures =
	| { shown: false }
	| {
			shown: true;
			/** How many answered the question. */
			answered: number;
			/** Per option, in the question's order. */
			counts: number[];
	  };

/** What the projector and control view of a parent evening show beside the usual bars. */
export type LiveEveningView =
	| {
			kind: 'guess';
			/** The question as the young people got it. */
			youthPrompt: string;
			/** Once revealed: what the young people answered (in the order of the bars). */
			youth: YouthFigures | null;
	  }
	| {
			kind: 'dilemma';
			title: string;
			situation: string;
			statement: string;
			/** Control view only: questions for the talk at the tables. */
			talkAbout: string[];
	  };

/** Text of the run sheet as message keys: the page shows them in the reader's language. */
export interface Line {
	key: MessageKey;
	params?: Record<string, string | number>;
}

export interface RunStep {
	/** Minutes from the start. */
	from: number;
	to: number;
	title: Line;
	lines: Line[];
}

export interface RunSheet {
	classSession: RunStep[];
	parentEvening: RunStep[];
	toPrint: Line[];
}
