/** A programme as the form holds it: module slug → position typed ('' = not in the programme). */
export type ProgrammePositions = Record<string, string>;

/** The theme-day form's fields as typed; shared by the server's reader and the form component. */
export interface ThemeDayFormValues {
	title: string;
	startDate: string;
	startTime: string;
	endDate: string;
	endTime: string;
	place: string;
	municipality: string;
	audience: string;
	description: string;
	contact: string;
	youth: ProgrammePositions;
	parent: ProgrammePositions;
}
