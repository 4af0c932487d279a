import { getLocale } from '$lib/paraglide/runtime';
import { content } from '../content/library';
import { sumOf } from '../measures/minimum-group';
import { chartsFor } from '../measures/result-charts';
import { buildReport, reportMunicipalities, type ActivityFigures } from './report';
import { filterQuery, parseReportFilter } from './report-filter';
import { loadReportUnits } from './units';

/** A row's figures as a page or a CSV gets them: numbers, or null where the figure is hidden. */
export function presentActivity(a: ActivityFigures) {
	return {
		participants: sumOf(a.participants),
		classes: a.classes,
		modulesCompleted: sumOf(a.modulesCompleted),
		scenariosCompleted: sumOf(a.scenariosCompleted),
		themeDaysHeld: a.themeDaysHeld
	};
}

/** The coordinator's report for the filter in the address, ready for a page, the CSV or print. */
export function coordinatorReport(url: URL) {
	const parsed = parseReportFilter(url.searchParams);
	const units = loadReportUnits();
	const municipalities = reportMunicipalities(units);
	if (!parsed.ok)
		return { values: parsed.values, errors: parsed.errors, municipalities, report: null };
	const locale = getLocale();
	const report = buildReport(units, parsed.filter, content(locale).measures);
	return {
		values: parsed.values,
		errors: {},
		municipalities,
		report: {
			filter: report.filter,
			query: filterQuery(report.filter),
			total: presentActivity(report.total),
			municipalities: report.municipalities.map((r) => ({
				municipality: r.municipality,
				...presentActivity(r)
			})),
			schools: report.schools.map((r) => ({
				municipality: r.municipality,
				school: r.school,
				...presentActivity(r)
			})),
			beforeAfter: report.beforeAfter.map((b) => ({
				slug: b.slug,
				title: b.title,
				audience: b.audience,
				paired: sumOf(b.paired),
				measures: b.paired.shown ? b.paired.groups : 0,
				questions: chartsFor(b.questions, locale)
			}))
		}
	};
}
