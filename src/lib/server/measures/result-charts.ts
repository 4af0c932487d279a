import { m } from '$lib/paraglide/messages';
import { formatMeasureValue } from '$lib/measures/format';
import { dirOf } from '$lib/locales';
import { beforeAfterChart } from './chart';
import type { QuestionResult } from './results';

/** Each question's result with its chart; a hidden figure gets no chart (nothing to draw). */
export function chartsFor(
	questions: QuestionResult[],
	locale: string
): (QuestionResult & { chart: string | null })[] {
	const labels = { before: m.measure_before(), after: m.measure_after() };
	return questions.map((q) => ({
		...q,
		chart:
			q.before === null || q.after === null
				? null
				: beforeAfterChart({
						kind: q.kind,
						before: q.before,
						after: q.after,
						labels,
						dir: dirOf(locale),
						format: (v) => formatMeasureValue(q.kind, v, locale)
					})
	}));
}
