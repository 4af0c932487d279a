import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addFieldIssue, oneOf, optionalText, parseForm, requiredText } from './parse-form';

const formOf = (entries: Record<string, string>) => {
	const form = new FormData();
	for (const [k, v] of Object.entries(entries)) form.set(k, v);
	return form;
};

const schema = z.object({
	name: requiredText('error_class_name_missing', 5),
	note: optionalText(10),
	audience: oneOf(['unge', 'foraeldre'], 'error_theme_audience')
});

describe('parseForm', () => {
	it('gives trimmed, typed data for a valid form', () => {
		const parsed = parseForm(schema, formOf({ name: ' 7.b ', audience: 'unge' }));
		expect(parsed).toEqual({
			ok: true,
			data: { name: '7.b', note: '', audience: 'unge' },
			values: { name: '7.b', note: '', audience: 'unge' }
		});
	});
	it('gives each field its first problem as a message key, with parameters, and keeps what was typed', () => {
		const parsed = parseForm(
			schema,
			formOf({ name: '   ', note: 'x'.repeat(11), audience: 'alle' })
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toEqual({
			name: 'error_class_name_missing',
			note: { key: 'error_too_long', params: { max: 10 } },
			audience: 'error_theme_audience'
		});
		expect(parsed.values.note).toBe('x'.repeat(11));
	});
	it('reads fields checked together by a transform, and puts its problem on the right field', () => {
		const range = z.object({ from: z.string(), to: z.string() }).transform((r, ctx) => {
			if (r.to < r.from) addFieldIssue(ctx, 'to', 'error_theme_end_before_start');
			return r;
		});
		const parsed = parseForm(range, formOf({ from: '10', to: '09' }));
		expect(parsed.ok === false && parsed.errors).toEqual({ to: 'error_theme_end_before_start' });
	});
	it('a message that is not a message key becomes the generic error, never raw text', () => {
		const loose = z.object({ x: z.string().min(1, 'not a key') });
		const parsed = parseForm(loose, formOf({}));
		expect(parsed.ok === false && parsed.errors).toEqual({ x: 'error_generic' });
	});
});
