import type {
	ContentLocale,
	ConversationCards,
	LessonFrontMatter,
	MaterialCardSource,
	TrackId
} from './schema';
import type { LixResult } from './lix';
import type { MeasureDefinition } from './measures';
import type { LessonStep } from './lesson-steps';
import type { HelpService, LocalHelp } from '../../help/types';
import type { Scenario } from '../../scenarios/types';

export type { HelpService, LocalHelp };

export type QuestionType = 'single' | 'multiple' | 'truefalse' | 'order';

/** For ordering questions, options are the items in the correct order. */
export interface QuizOption {
	id: string;
	text: string;
	feedback: string;
	correct: boolean;
	/** Ordering only: items that share a group may come in any order among themselves. */
	group?: string;
}

export interface Question {
	id: string;
	type: QuestionType;
	prompt: string;
	explanation: string;
	options: QuizOption[];
}

export interface Module extends Omit<LessonFrontMatter, 'passMark' | 'stepQuestions'> {
	slug: string;
	track: TrackId;
	locale: ContentLocale;
	/** False when the requested language has no translation and Danish is shown. */
	translated: boolean;
	passMark: number;
	/** The lesson in 3–5 steps (lesson-steps.ts). */
	lessonSteps: LessonStep[];
	/** Quiz questions asked between steps, after the step with this number (1-based). */
	stepQuestions: { afterStep: number; questionId: string }[];
	/** How many `:::besked` blocks the lesson has. */
	mockMessages: number;
	teacherHtml: string;
	questions: Question[];
	cards: ConversationCards | null;
	/** The language the conversation cards are written in; they may be translated alone. */
	cardsLocale: ContentLocale;
	readability: LixResult;
	/** The practice scenarios that belong to this module. */
	practice: { slug: string; track: TrackId; title: string }[];
}

export interface Track {
	id: TrackId;
	/** The language the title and intro are written in (Danish when not translated). */
	locale: ContentLocale;
	title: string;
	introHtml: string;
	modules: Module[];
	scenarios: Scenario[];
}

export interface HelpPage {
	/** The language the page is written in (Danish when it is not translated). */
	locale: ContentLocale;
	title: string;
	introHtml: string;
	lastChecked: string;
	emergency: { name: string; text: string; href: string; label: string }[];
	services: HelpService[];
	situations: { id: string; title: string; adviceHtml: string; services: HelpService[] }[];
}

/** A plain page such as the privacy notice: content/<locale>/sider/<name>.md. */
export interface ContentPage {
	name: string;
	/** The language the page is written in (Danish when it is not translated). */
	locale: ContentLocale;
	title: string;
	updated: string;
	html: string;
}

/** Printable cards for an exercise in a module's lesson plan (content/<locale>/materialer). */
export interface Material {
	slug: string;
	title: string;
	/** The module whose teacher notes use it. */
	module: string;
	summary: string;
	instructionsHtml: string;
	cards: MaterialCardSource[];
}

export interface LocaleContent {
	tracks: Record<TrackId, Track>;
	modules: Map<string, Module>;
	scenarios: Map<string, Scenario>;
	help: HelpPage | null;
	/** Municipalities with help of their own, by name. */
	localHelp: LocalHelp[];
	pages: Map<string, ContentPage>;
	/** Printable materials for the lesson plans, by slug. */
	materials: Map<string, Material>;
	/** Before-and-after measures, by slug. */
	measures: Map<string, MeasureDefinition>;
}

export interface ContentProblem {
	file: string;
	line?: number;
	field?: string;
	message: string;
}

export function formatProblem(p: ContentProblem): string {
	const where = p.line ? `${p.file}:${p.line}` : p.file;
	return `${where}${p.field ? ` [${p.field}]` : ''}: ${p.message}`;
}
