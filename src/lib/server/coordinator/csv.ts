import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { coordinatorReport } from './report-page';

type Report = NonNullable<ReturnType<typeof coordinatorReport>['report']>;
type Cell = string | number | null;

/**
 * The report as rows of one figure each, so a spreadsheet can filter and pivot it: section,
 * municipality, school, measure, question, what is counted, the value. A hidden figure is
 * written as "færre end 10", never as a number.
 */
export function reportCsvRows(report: Report): Cell[][] {
	// Danish spreadsheets read "3,4" as a number; whole numbers need no separator. Spreadsheets
	// read Latin digits only, so other interface languages get English numbers.
	const tag = getLocale() === 'da' ? 'da-DK' : 'en-GB';
	const decimal = (v: number) =>
		v.toLocaleString(tag, { maximumFractionDigits: 1, useGrouping: false });
	const hidden = m.figure_hidden();
	const shown = (n: number | null) => (n === null ? hidden : n);
	const place = (municipality: string | null) => municipality ?? m.report_unknown_municipality();
	const activity = (
		section: string,
		municipality: string,
		school: string,
		a: Report['total']
	): Cell[][] => [
		[section, municipality, school, '', '', m.report_participants(), shown(a.participants)],
		[section, municipality, school, '', '', m.report_classes(), a.classes],
		[section, municipality, school, '', '', m.report_modules(), shown(a.modulesCompleted)],
		[section, municipality, school, '', '', m.report_scenarios(), shown(a.scenariosCompleted)],
		...(school
			? []
			: [[section, municipality, school, '', '', m.report_theme_days(), a.themeDaysHeld]])
	];
	const all = report.filter.municipality ?? m.report_all_municipalities();
	return [
		[
			m.csv_section(),
			m.report_municipality(),
			m.report_school(),
			m.csv_measure(),
			m.measure_question(),
			m.csv_figure(),
			m.csv_value()
		],
		[m.csv_period(), all, '', '', '', m.report_from(), report.filter.from],
		[m.csv_period(), all, '', '', '', m.report_to(), report.filter.to],
		...activity(m.csv_total(), all, '', report.total),
		...report.municipalities.flatMap((r) =>
			activity(m.report_by_municipality(), place(r.municipality), '', r)
		),
		...report.schools.flatMap((r) =>
			activity(m.report_by_school(), place(r.municipality), r.school, r)
		),
		...report.beforeAfter.flatMap((b) => [
			[m.report_before_after(), all, '', b.title, '', m.measure_count_paired(), shown(b.paired)],
			...b.questions.flatMap((q) => {
				const unit = q.kind === 'viden' ? m.measure_unit_right() : m.measure_unit_scale();
				const value = (v: number | null) => (v === null ? hidden : decimal(v));
				return [
					[
						m.report_before_after(),
						all,
						'',
						b.title,
						q.label,
						`${m.measure_before()}: ${unit}`,
						value(q.before)
					],
					[
						m.report_before_after(),
						all,
						'',
						b.title,
						q.label,
						`${m.measure_after()}: ${unit}`,
						value(q.after)
					],
					[m.report_before_after(), all, '', b.title, q.label, m.measure_change(), value(q.change)]
				];
			})
		])
	];
}
