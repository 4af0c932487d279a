import { classesOfPupil } from '../classes/classes';
import { scopeName } from '../evening/scope';
import { adopted } from './majority';
import { agreementsOf, publishedSets, type AgreementSetRow } from './store';

/** A published page of agreements, as the theme-day page, a linked parent and its own page show it. */
export interface PublishedAgreements {
	code: string;
	/** The theme day's title, the class's name or the year group's. */
	name: string;
	kind: 'temadag' | 'klasse' | 'aargang';
	agreements: string[];
	publishedAt: Date;
}

export function publishedView(set: AgreementSetRow): PublishedAgreements {
	const { kind, name } = scopeName(set);
	return {
		code: set.code,
		name,
		kind,
		agreements: adopted(agreementsOf(set.id)).map((a) => a.text),
		publishedAt: set.publishedAt ?? set.createdAt
	};
}

export function publishedForThemeDay(themeDayId: string): PublishedAgreements[] {
	return publishedSets({ themeDayId }).map(publishedView);
}

/** The agreements of the classes a child is in: what a parent who follows the child sees. */
export function publishedForChild(youthId: string): PublishedAgreements[] {
	return publishedSets({ classIds: classesOfPupil(youthId).map((c) => c.id) }).map(publishedView);
}
