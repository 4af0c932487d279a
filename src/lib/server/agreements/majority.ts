/**
 * The rules of "Vores aftaler": an agreement is adopted when more than half of the votes cast on
 * it say yes; a participant's proposal is shown to no one but the professional until approved.
 */
export interface AgreementTally {
	yes: number;
	no: number;
	/** Null while a participant's proposal waits for the professional. */
	approvedAt: Date | null;
}

export function hasMajority(a: Pick<AgreementTally, 'yes' | 'no'>): boolean {
	return a.yes > a.no;
}

/** What the participants vote on: approved agreements only. */
export function votable<T extends AgreementTally>(agreements: T[]): T[] {
	return agreements.filter((a) => a.approvedAt !== null);
}

/** What the published page shows: approved agreements with a majority, in the set's order. */
export function adopted<T extends AgreementTally>(agreements: T[]): T[] {
	return votable(agreements).filter(hasMajority);
}
