import type { MeasureKind } from './types';
import { intlTag } from '$lib/locales';

/** A before or after value as written on a chart and in a table: "42 %" or "3,4". */
export function formatMeasureValue(kind: MeasureKind, value: number, locale: string): string {
	const tag = intlTag(locale);
	return kind === 'viden'
		? `${value.toLocaleString(tag)} %`
		: value.toLocaleString(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A change: "+33 procentpoint"-style numbers are written by the page; this gives "+33" or "−0,4". */
export function formatChange(kind: MeasureKind, change: number, locale: string): string {
	const tag = intlTag(locale);
	const digits = kind === 'viden' ? 0 : 1;
	const text = Math.abs(change).toLocaleString(tag, {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	});
	return change > 0 ? `+${text}` : change < 0 ? `−${text}` : text;
}
