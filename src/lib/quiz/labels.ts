import { m } from '$lib/paraglide/messages';
import type { QuestionView } from './types';

/** True/false options are labelled in the reader's language; others show their text. */
export function optionLabel(q: Pick<QuestionView, 'type'>, index: number, text: string): string {
	return q.type === 'truefalse' ? (index === 0 ? m.quiz_true() : m.quiz_false()) : text;
}
