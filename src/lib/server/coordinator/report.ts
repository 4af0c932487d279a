import type { MeasureDefinition } from '../content/measures';
import { figure, type Figure, type Tally } from '../measures/minimum-group';
import { questionResults, type QuestionResult } from '../measures/results';
import { periodInstants, type ReportFilter } from './report-filter';
import type { ClassUnit, MeasureUnit, ReportUnits, ThemeDayUnit } from './units';

/** Activity in one row of the report (a municipality, a school, or everything). */
export interface ActivityFigures {
	/** Pupils in classes plus people who answered a theme day's measure (a person in two counts twice). */
	participants: Figure;
	modulesCompleted: Figure;
	scenariosCompleted: Figure;
	/** Classes large enough to count. */
	classes: number;
	/** Published theme days that have taken place: public facts, not figures about people. */
	themeDaysHeld: number;
}

export interface BeforeAfterFigures {
	slug: string;
	title: string;
	audience: 'unge' | 'foraeldre';
	/** People who answered both before and after, in measures large enough to count. */
	paired: Figure;
	questions: QuestionResult[];
}

export interface CoordinatorReport {
	filter: ReportFilter;
	total: ActivityFigures;
	/** null: classes whose professional gave no municipality. */
	municipalities: ({ municipality: string | null } & ActivityFigures)[];
	schools: ({ municipality: string | null; school: string } & ActivityFigures)[];
	beforeAfter: BeforeAfterFigures[];
}

/** Schools are typed per class: "Herlev skole " and "Herlev Skole" are one school. */
export const schoolKey = (school: string) =>
	school.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

const classTally = (pick: (c: ClassUnit) => number) => (c: ClassUnit) => ({
	people: c.members,
	sum: pick(c)
});
const respondents = (m: MeasureUnit) => m.tallies.before + m.tallies.after - m.tallies.paired;

/**
 * Every figure of a row goes through `figure` (the minimum group size): each class and each
 * theme day's measure is one group, counted whole or not at all.
 */
function activity(
	classes: ClassUnit[],
	days: ThemeDayUnit[],
	dayMeasures: MeasureUnit[]
): ActivityFigures {
	const people: Tally[] = [
		...classes.map(classTally((c) => c.members)),
		...dayMeasures.map((m) => ({ people: respondents(m), sum: respondents(m) }))
	];
	const classFigure = figure(classes.map(classTally((c) => c.members)));
	return {
		participants: figure(people),
		modulesCompleted: figure(classes.map(classTally((c) => c.modulesCompleted))),
		scenariosCompleted: figure(classes.map(classTally((c) => c.scenariosCompleted))),
		classes: classFigure.shown ? classFigure.groups : 0,
		themeDaysHeld: days.length
	};
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
	return groups;
}

const byName = (a: string | null, b: string | null) =>
	a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'da');

/**
 * The report for a period and perhaps one municipality. Groups are picked whole by their one
 * date and place; every figure is a sum over whole groups of 10 or more (minimum-group.ts), so
 * no two figures of this report, or of two reports, subtract to a group of fewer than 10.
 */
export function buildReport(
	units: ReportUnits,
	filter: ReportFilter,
	definitions: Map<string, MeasureDefinition>
): CoordinatorReport {
	const { start, end } = periodInstants(filter);
	const within = (u: { date: Date; municipality: string | null }) =>
		u.date >= start &&
		u.date < end &&
		(filter.municipality === null || u.municipality === filter.municipality);
	const classes = units.classes.filter(within);
	const days = units.themeDays.filter(within);
	const measures = units.measures.filter(within);
	const dayMeasures = measures.filter((m) => m.school === null);

	const place = (u: { municipality: string | null }) => u.municipality ?? '';
	const municipalities = [
		...new Set([...classes, ...days, ...dayMeasures].map((u) => u.municipality))
	].sort(byName);
	const classesBy = groupBy(classes, place);
	const daysBy = groupBy(days, place);
	const dayMeasuresBy = groupBy(dayMeasures, place);

	const schoolGroups = groupBy(classes, (c) => `${place(c)}\n${schoolKey(c.school)}`);
	const schools = [...schoolGroups.values()]
		.map((list) => ({
			municipality: list[0].municipality,
			school: list[0].school.trim(),
			...activity(list, [], [])
		}))
		.sort((a, b) => byName(a.municipality, b.municipality) || byName(a.school, b.school));

	const beforeAfter = [...groupBy(measures, (m) => m.measureSlug)]
		.flatMap(([slug, list]) => {
			const definition = definitions.get(slug);
			if (!definition) return [];
			const results = questionResults(
				definition,
				list.map((m) => m.tallies)
			);
			return [
				{
					slug,
					title: definition.title,
					audience: definition.audience,
					paired: results.paired,
					questions: results.questions
				}
			];
		})
		.sort((a, b) => a.title.localeCompare(b.title, 'da'));

	return {
		filter,
		total: activity(classes, days, dayMeasures),
		municipalities: municipalities.map((municipality) => ({
			municipality,
			...activity(
				classesBy.get(municipality ?? '') ?? [],
				daysBy.get(municipality ?? '') ?? [],
				dayMeasuresBy.get(municipality ?? '') ?? []
			)
		})),
		schools,
		beforeAfter
	};
}

/** The municipalities a coordinator can choose between: every one with a class or theme day. */
export function reportMunicipalities(units: ReportUnits): string[] {
	return [
		...new Set(
			[...units.classes, ...units.themeDays]
				.map((u) => u.municipality)
				.filter((m): m is string => m !== null)
		)
	].sort((a, b) => a.localeCompare(b, 'da'));
}
