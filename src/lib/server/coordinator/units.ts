import { and, count, countDistinct, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import {
	assignments,
	classMembers,
	classes,
	measures,
	moduleProgress,
	professionalApplications,
	scenarioRuns,
	themeDays
} from '../db/schema';
import { measureTallies, type MeasureTallies } from '../measures/results';

/**
 * The groups a coordinator's report adds up. Each group has one place (a municipality, and a
 * school for a class) and one date, so a filter takes or leaves it whole: a class by the day it
 * was made, a theme day and its measures by the day it was held, a class's measure by the day
 * it was started. A class's municipality is the one its professional applied from.
 */
export interface ClassUnit {
	municipality: string | null;
	school: string;
	date: Date;
	members: number;
	/** Assigned modules completed by the class's pupils (a pupil × module counts once). */
	modulesCompleted: number;
	/** Assigned practice scenarios played to an end by the class's pupils. */
	scenariosCompleted: number;
}

export interface ThemeDayUnit {
	municipality: string;
	date: Date;
}

export interface MeasureUnit {
	measureSlug: string;
	municipality: string | null;
	/** A class's measure: the class's school; a theme day's: null. */
	school: string | null;
	date: Date;
	tallies: MeasureTallies;
}

export interface ReportUnits {
	classes: ClassUnit[];
	themeDays: ThemeDayUnit[];
	measures: MeasureUnit[];
}

const municipalityOf = (value: string | null) => (value ? value : null);

/** Every group of the installation: the report filters them (src/lib/server/coordinator/report.ts). */
export function loadReportUnits(now = new Date()): ReportUnits {
	const db = getDb();
	const classRows = db
		.select({
			id: classes.id,
			school: classes.school,
			createdAt: classes.createdAt,
			municipality: professionalApplications.municipality
		})
		.from(classes)
		.leftJoin(professionalApplications, eq(professionalApplications.userId, classes.ownerId))
		.all();
	const countsBy = (rows: { classId: string; n: number }[]) =>
		new Map(rows.map((r) => [r.classId, Number(r.n)]));
	const members = countsBy(
		db
			.select({ classId: classMembers.classId, n: count() })
			.from(classMembers)
			.groupBy(classMembers.classId)
			.all()
	);
	const modules = countsBy(
		db
			.select({ classId: classMembers.classId, n: count() })
			.from(classMembers)
			.innerJoin(assignments, eq(assignments.classId, classMembers.classId))
			.innerJoin(
				moduleProgress,
				and(
					eq(moduleProgress.userId, classMembers.userId),
					eq(moduleProgress.moduleSlug, assignments.moduleSlug),
					isNotNull(moduleProgress.completedAt)
				)
			)
			.groupBy(classMembers.classId)
			.all()
	);
	const scenarios = countsBy(
		db
			.select({
				classId: classMembers.classId,
				n: countDistinct(sql`${scenarioRuns.userId} || ' ' || ${scenarioRuns.scenarioSlug}`)
			})
			.from(classMembers)
			.innerJoin(assignments, eq(assignments.classId, classMembers.classId))
			.innerJoin(
				scenarioRuns,
				and(
					eq(scenarioRuns.userId, classMembers.userId),
					eq(scenarioRuns.scenarioSlug, assignments.moduleSlug)
				)
			)
			.groupBy(classMembers.classId)
			.all()
	);

	const heldDays = db
		.select({ municipality: themeDays.municipality, startsAt: themeDays.startsAt })
		.from(themeDays)
		.where(
			and(
				isNotNull(themeDays.publishedAt),
				isNull(themeDays.cancelledAt),
				lte(themeDays.startsAt, now)
			)
		)
		.all();

	// Only closed measures count: their figures no longer move while someone answers.
	const closed = db
		.select({
			id: measures.id,
			slug: measures.measureSlug,
			createdAt: measures.createdAt,
			school: classes.school,
			classMunicipality: professionalApplications.municipality,
			dayMunicipality: themeDays.municipality,
			dayStartsAt: themeDays.startsAt
		})
		.from(measures)
		.leftJoin(assignments, eq(assignments.id, measures.assignmentId))
		.leftJoin(classes, eq(classes.id, assignments.classId))
		.leftJoin(professionalApplications, eq(professionalApplications.userId, classes.ownerId))
		.leftJoin(themeDays, eq(themeDays.id, measures.themeDayId))
		.where(eq(measures.phase, 'closed'))
		.all();
	const tallies = measureTallies(closed.map((m) => m.id));

	return {
		classes: classRows.map((c) => ({
			municipality: municipalityOf(c.municipality),
			school: c.school,
			date: c.createdAt,
			members: members.get(c.id) ?? 0,
			modulesCompleted: modules.get(c.id) ?? 0,
			scenariosCompleted: scenarios.get(c.id) ?? 0
		})),
		themeDays: heldDays.map((d) => ({ municipality: d.municipality, date: d.startsAt })),
		measures: closed.map((m) => ({
			measureSlug: m.slug,
			municipality: municipalityOf(m.dayMunicipality ?? m.classMunicipality),
			school: m.dayStartsAt ? null : m.school,
			date: m.dayStartsAt ?? m.createdAt,
			tallies: tallies.get(m.id)!
		}))
	};
}
