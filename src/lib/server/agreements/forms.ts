import { z } from 'zod';
import type { FieldErrors } from '$lib/i18n';
import { field } from '../http/form';
import { optionalText, parseForm, requiredText } from '../http/parse-form';
import { readScope, type Scope } from '../evening/scope';

/** An agreement is one sentence people can keep; the published page fits one A4 sheet. */
export const AGREEMENT_TEXT_MAX = 160;
export const MAX_AGREEMENTS = 15;

export const agreementTextSchema = z.object({
	text: requiredText('agreements_text_required', AGREEMENT_TEXT_MAX)
});

/** The new-set form: a theme day, a class, or a year group with its name. */
export function readAgreementSetForm(
	form: FormData,
	ownerId: string
):
	| { ok: true; scope: Scope; yearGroup: string | null }
	| { ok: false; values: { for: string; yearGroup: string }; errors: FieldErrors } {
	const values = { for: field(form, 'for'), yearGroup: field(form, 'yearGroup') };
	const errors: FieldErrors = {};
	const scope = readScope(values.for, ownerId, true);
	if (!scope) errors.for = 'evening_scope_required';
	const yearGroup = optionalText(80).safeParse(values.yearGroup);
	if (scope?.kind === 'aargang' && !values.yearGroup)
		errors.yearGroup = 'agreements_year_group_required';
	else if (!yearGroup.success) errors.yearGroup = { key: 'error_too_long', params: { max: 80 } };
	if (!scope || Object.keys(errors).length) return { ok: false, values, errors };
	return { ok: true, scope, yearGroup: scope.kind === 'aargang' ? values.yearGroup : null };
}

/** An agreement's text from a form, with the same rules everywhere it is typed. */
export function readAgreementText(form: FormData) {
	return parseForm(agreementTextSchema, form);
}

/** The agreement a form acts on (its id in the set). */
export function agreementIdOf(form: FormData): number | null {
	const id = Number(field(form, 'id'));
	return Number.isSafeInteger(id) && id > 0 ? id : null;
}
