import type { FieldErrors } from '$lib/i18n';
import { eveningLibrary } from '../content/library';
import { hasMajority } from './majority';
import { MAX_AGREEMENTS } from './forms';
import { addAgreement, agreementsOf, type AgreementRow, type AgreementSetRow } from './store';

/** What the professional's page shows of a set: agreements with their votes, and proposals. */
export function manageView(set: AgreementSetRow) {
	const all = agreementsOf(set.id);
	const used = new Set(all.map((a) => a.libraryId).filter(Boolean));
	const approved = all.filter((a) => a.approvedAt !== null);
	return {
		agreements: approved.map((a: AgreementRow) => ({
			id: a.id,
			text: a.text,
			yes: a.yes,
			no: a.no,
			majority: hasMajority(a),
			proposed: a.proposed
		})),
		proposals: all.filter((a) => a.approvedAt === null).map(({ id, text }) => ({ id, text })),
		suggestions: [...eveningLibrary().agreements.values()].filter((s) => !used.has(s.id)),
		room: MAX_AGREEMENTS - approved.length
	};
}

/** Adds the chosen library suggestions (known, not yet in the set) up to the set's maximum. */
export function addSuggestions(set: AgreementSetRow, ids: string[]): FieldErrors | null {
	const library = eveningLibrary().agreements;
	const { room, suggestions } = manageView(set);
	const free = new Set(suggestions.map((s) => s.id));
	const chosen = [...new Set(ids)].filter((id) => free.has(id));
	if (!chosen.length) return { forslag: 'agreements_choose_one' };
	if (chosen.length > room)
		return { forslag: { key: 'agreements_too_many', params: { max: MAX_AGREEMENTS } } };
	for (const id of chosen) addAgreement(set.id, { text: library.get(id)!.text, libraryId: id });
	return null;
}

/** Whether one more agreement fits on the set's page. */
export function hasRoom(set: AgreementSetRow): boolean {
	return manageView(set).room > 0;
}
