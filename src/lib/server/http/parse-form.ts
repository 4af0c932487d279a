import { z } from 'zod';
import { isMessageKey, type ErrorMessage, type FieldErrors, type MessageKey } from '$lib/i18n';
import { field } from './form';

/*
 * Form input is checked with a zod schema whose error messages are message keys, so a failed
 * check comes back to the page as typed keys it translates into the reader's language.
 */

/** A required text field: trimmed, `missing` when empty, "Højst {max} tegn." when too long. */
export function requiredText(missing: MessageKey, max: number) {
	return z
		.string()
		.trim()
		.min(1, missing)
		.max(max, 'error_too_long' satisfies MessageKey);
}

/** An optional text field: trimmed, '' when left empty. */
export function optionalText(max: number) {
	return z
		.string()
		.trim()
		.max(max, 'error_too_long' satisfies MessageKey);
}

/** One of a fixed set of values (a radio group or a select). */
export function oneOf<const T extends readonly [string, ...string[]]>(
	values: T,
	wrong: MessageKey
) {
	return z.enum(values, { error: wrong });
}

/** A problem found by a refinement that looks at several fields at once. */
export function addFieldIssue(ctx: z.RefinementCtx, path: string, key: MessageKey): void {
	ctx.addIssue({ code: 'custom', path: [path], message: key });
}

type FormFields = z.ZodObject<Record<string, z.ZodType<unknown, string>>>;
/** An object of fields, or one with a transform that checks the fields together. */
type FormSchema = FormFields | z.ZodPipe<FormFields, z.ZodType>;
type FieldsOf<S extends FormSchema> = S extends z.ZodPipe<infer F, z.ZodType> ? F : S;
type FormValues<S extends FormSchema> = { [K in keyof FieldsOf<S>['shape']]: string };

export type ParsedForm<S extends FormSchema> =
	| { ok: true; data: z.output<S>; values: FormValues<S> }
	| { ok: false; values: FormValues<S>; errors: FieldErrors };

/**
 * Reads the schema's fields from the form (each a trimmed string, '' when missing) and checks
 * them. `values` is what the person typed, to fill the form in again after an error.
 */
export function parseForm<S extends FormSchema>(schema: S, form: FormData): ParsedForm<S> {
	const fields: FormFields = schema instanceof z.ZodPipe ? schema.in : schema;
	const values = Object.fromEntries(
		Object.keys(fields.shape).map((name) => [name, field(form, name)])
	) as FormValues<S>;
	const result = (schema as z.ZodType<z.output<S>>).safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	return { ok: false, values, errors: fieldErrors(result.error) };
}

/** The first problem of each field, as a message key with its parameters. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const name = String(issue.path[0] ?? 'form');
		if (!(name in errors)) errors[name] = errorMessage(issue);
	}
	return errors;
}

function errorMessage(issue: z.core.$ZodIssue): ErrorMessage {
	const key = isMessageKey(issue.message) ? issue.message : 'error_generic';
	if (issue.code === 'too_big') return { key, params: { max: Number(issue.maximum) } };
	return key;
}
