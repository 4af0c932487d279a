import { z } from 'zod';
import { addFieldIssue } from '../http/parse-form';
import { fromCopenhagen, toCopenhagen } from '../themedays/copenhagen-time';

/** The period and place a coordinator's report covers, from the address (?fra=&til=&kommune=). */
export interface ReportFilter {
	/** YYYY-MM-DD, Danish dates, both days included. */
	from: string;
	to: string;
	/** One municipality, or every one. */
	municipality: string | null;
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'error_report_date');

const filterSchema = z
	.object({ fra: isoDay, til: isoDay, kommune: z.string().max(60, 'error_too_long') })
	.superRefine((f, ctx) => {
		if (!fromCopenhagen(f.fra, '00:00')) addFieldIssue(ctx, 'fra', 'error_report_date');
		if (!fromCopenhagen(f.til, '00:00')) addFieldIssue(ctx, 'til', 'error_report_date');
		if (f.fra > f.til) addFieldIssue(ctx, 'til', 'error_report_period_order');
	});

/** This year so far, in Danish time: what the report shows before anything is chosen. */
export function defaultFilter(now = new Date()): ReportFilter {
	const today = toCopenhagen(now).date;
	return { from: `${today.slice(0, 4)}-01-01`, to: today, municipality: null };
}

export type ParsedFilter =
	| { ok: true; filter: ReportFilter; values: Record<string, string> }
	| { ok: false; values: Record<string, string>; errors: Record<string, string> };

export function parseReportFilter(params: URLSearchParams, now = new Date()): ParsedFilter {
	const fallback = defaultFilter(now);
	const values = {
		fra: params.get('fra')?.trim() || fallback.from,
		til: params.get('til')?.trim() || fallback.to,
		kommune: params.get('kommune')?.trim() ?? ''
	};
	const parsed = filterSchema.safeParse(values);
	if (!parsed.success)
		return {
			ok: false,
			values,
			errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]))
		};
	return {
		ok: true,
		values,
		filter: { from: values.fra, to: values.til, municipality: values.kommune || null }
	};
}

/** The instants the period covers: from the first day's midnight to the one after the last day. */
export function periodInstants(filter: ReportFilter): { start: Date; end: Date } {
	const next = new Date(`${filter.to}T12:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return {
		start: fromCopenhagen(filter.from, '00:00')!,
		end: fromCopenhagen(next.toISOString().slice(0, 10), '00:00')!
	};
}

/** The query string of a filter, for links to the CSV and the printable summary. */
export function filterQuery(filter: ReportFilter): string {
	const params = new URLSearchParams({ fra: filter.from, til: filter.to });
	if (filter.municipality) params.set('kommune', filter.municipality);
	return params.toString();
}
