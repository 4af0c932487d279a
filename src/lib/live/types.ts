import type { QuestionResult, QuestionView } from '$lib/quiz/types';
import type { ChatMessage, PlayedTurn, ScenarioEnding } from '$lib/scenarios/types';

/** A scenario session's chat: the replies the room chose so far and what came back. */
export interface LiveChat {
	counterpart: { name: string; app: string };
	turns: PlayedTurn[];
	incoming: ChatMessage[];
	/** Once the chat has reached an ending: its debrief. */
	ending: ScenarioEnding | null;
	/** The scenario's own language. */
	lang: string;
}

export type LivePhase = 'waiting' | 'question' | 'revealed' | 'ended';

/** What every participant of a session sees at the same moment. */
export interface LiveShared {
	version: number;
	/** A module's quiz, or a practice scenario the room votes through. */
	kind: 'quiz' | 'scenario';
	phase: LivePhase;
	questionIndex: number;
	questionCount: number;
	/** In the participant's language when translated; `lang` is the language it is written in. */
	moduleTitle: string;
	lang: string;
	/** The question on screen (while open and after reveal); options in the session's order. */
	question: QuestionView | null;
	/** After reveal: the explanation (right answers are in each person's own result). */
	explanation: string | null;
	/** Scenario sessions: the chat so far. */
	chat: LiveChat | null;
	/** Where to go on after the session: the module and its track. */
	moduleHref: string;
	trackHref: string;
}

/** What one participant sees of their own answers. */
export interface LiveMine {
	/** Tokens chosen for the current question, in order; empty when not answered. */
	chosen: string[];
	/** The participant's graded answer, once the question is revealed. */
	result: QuestionResult | null;
	/** Once the session has ended. */
	score: { correct: number; total: number } | null;
}

export interface LiveParticipantView {
	shared: LiveShared;
	mine: LiveMine;
}

/** One bar of the answer distribution: an option token, or 'correct'/'incorrect' for ordering. */
export interface LiveBar {
	key: string;
	count: number;
	/** Known only after reveal. */
	correct: boolean | null;
}

/** The professional's control view and the projector (the projector gets no nicknames). */
export interface LiveHostView {
	version: number;
	/** The professional chose to keep the counts off the projector until the reveal. */
	hideCounts: boolean;
	/** On the projector now: the counts are held back (no bars are sent). */
	countsHidden: boolean;
	kind: 'quiz' | 'scenario';
	phase: LivePhase;
	code: string;
	questionIndex: number;
	questionCount: number;
	moduleTitle: string;
	participantCount: number;
	/** Participants are teams on shared devices; pupilCount is the sum of the team sizes. */
	teams: boolean;
	pupilCount: number;
	/** Control view only: the last people who joined, newest first (never everyone). */
	latestParticipants: { id: string; nickname: string }[] | null;
	/** Nobody new may join. */
	locked: boolean;
	/** Participants pick generated nicknames; nothing typed reaches the projector. */
	generatedNames: boolean;
	/** Joins slowed down because one address joined faster than any class does. */
	throttled: number;
	answeredCount: number;
	question: QuestionView | null;
	bars: LiveBar[];
	explanation: string | null;
	/** Correct options' texts after reveal (ordering: the right order). */
	correctTexts: string[];
	/** Scenario sessions: the chat so far, and the reply the room went on with (its token). */
	chat: LiveChat | null;
	chosenReply: string | null;
}
