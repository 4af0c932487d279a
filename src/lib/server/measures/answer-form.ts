import type { FieldErrors } from '$lib/i18n';
import { SCALE } from '$lib/measures/types';
import type { MeasureDefinition } from '../content/measures';
import { field } from '../http/form';

/** The form field of a question: q-<id>. */
export const answerField = (questionId: string) => `q-${questionId}`;

export type ParsedAnswers =
	| { ok: true; answers: { questionId: string; value: number }[] }
	| { ok: false; values: Record<string, string>; errors: FieldErrors };

/**
 * A participant's answers, checked against the measure: every question answered with one of its
 * options (knowledge, stored as 1 right or 0 not) or a step of the 1–5 scale. Only whether a
 * knowledge answer was right is kept, not which option was chosen.
 */
export function parseAnswers(definition: MeasureDefinition, form: FormData): ParsedAnswers {
	const values: Record<string, string> = {};
	const errors: FieldErrors = {};
	const answers: { questionId: string; value: number }[] = [];
	for (const [i, q] of definition.questions.entries()) {
		const name = answerField(q.id);
		const missing = {
			key: 'error_measure_answer_missing',
			params: { number: i + 1, question: q.label }
		} as const;
		const given = (values[name] = field(form, name));
		if (q.kind === 'viden') {
			const option = q.options.find((o) => o.id === given);
			if (option) answers.push({ questionId: q.id, value: option.correct ? 1 : 0 });
			else errors[name] = missing;
		} else {
			const step = SCALE.find((s) => String(s) === given);
			if (step) answers.push({ questionId: q.id, value: step });
			else errors[name] = missing;
		}
	}
	return Object.keys(errors).length ? { ok: false, values, errors } : { ok: true, answers };
}
