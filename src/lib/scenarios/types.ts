import type { HelpService } from '$lib/help/types';
import type { TrackId } from '$lib/tracks';

/** The apps a scenario's chat can look like. */
export const SCENARIO_APPS = [
	'snapchat',
	'instagram',
	'tiktok',
	'telegram',
	'sms',
	'messenger',
	'whatsapp',
	'discord',
	'gruppechat',
	'spilchat'
] as const;
export type ScenarioApp = (typeof SCENARIO_APPS)[number];

/** A text-only card in a chat: a payment request, a link preview, a file. Never a picture. */
export interface ChatCard {
	kind: 'betaling' | 'link' | 'fil';
	title: string;
	lines: string[];
}

export type ChatMessage = { text: string; card?: undefined } | { card: ChatCard; text?: undefined };

export interface ScenarioChoice {
	text: string;
	next: string;
	risky: boolean;
	feedback: string;
}

export interface ScenarioEnding {
	title: string;
	outcome: 'godt' | 'blandet' | 'svaert';
	wentWellHtml: string;
	nowWhatHtml: string;
	notYourFault: string;
	help: HelpService[];
}

export interface SelfReply {
	prompt: string;
	examples: string[];
	checklist: string[];
}

export interface ScenarioStep {
	id: string;
	messages: ChatMessage[];
	choices: ScenarioChoice[];
	selfReply: SelfReply | null;
	ending: ScenarioEnding | null;
}

export interface Scenario {
	slug: string;
	title: string;
	summary: string;
	track: TrackId;
	ages: [number, number];
	minutes: number;
	/** The module it belongs to; the module page links to the scenario. */
	module: string;
	sources: { title: string; url: string }[];
	lastReviewed: string;
	counterpart: { name: string; app: ScenarioApp };
	introHtml: string;
	teacherHtml: string;
	start: string;
	steps: Record<string, ScenarioStep>;
	locale: string;
	translated: boolean;
	/** LIX of all the text a player reads. */
	lix: number;
}

/** One turn of a chat as played so far: what came in, and the reply chosen to it. */
export interface PlayedTurn {
	stepId: string;
	messages: ChatMessage[];
	reply: { text: string; feedback: string; risky: boolean } | null;
}

/** What the player's page shows: the chat so far and the step reached. */
export interface ScenarioPlayView {
	/** The signed path so far, sent back with the next reply. */
	token: string;
	turns: PlayedTurn[];
	step: {
		id: string;
		messages: ChatMessage[];
		choices: string[];
		selfReply: SelfReply | null;
		ending: ScenarioEnding | null;
	};
}
