import { describe, expect, it } from 'vitest';
import { CLASS_MINUTES, EVENING_MINUTES, runSheet, type RunStep } from './run-sheet';

const input = {
	youth: [{ title: 'Grooming', scenario: 'Sofie vil have penge' }],
	parent: [{ title: 'Tal med dit barn' }, { title: 'Radikalisering' }],
	municipality: 'Herlev',
	localHelp: 3,
	hasPoll: true,
	hasAgreements: false
};

/** Steps follow each other without a gap from minute 0 to the end. */
function span(steps: RunStep[]): number {
	steps.forEach((s, i) => expect(s.from).toBe(i === 0 ? 0 : steps[i - 1].to));
	return steps.at(-1)!.to;
}

describe('the run sheet', () => {
	it('has a 45-minute class session and a 90-minute parent evening, minute by minute', () => {
		const sheet = runSheet(input);
		expect(span(sheet.classSession)).toBe(CLASS_MINUTES);
		expect(span(sheet.parentEvening)).toBe(EVENING_MINUTES);
	});
	it('is made from the programmes: the first module of each is the live quiz', () => {
		const sheet = runSheet(input);
		expect(sheet.classSession[1].title).toEqual({
			key: 'run_live_quiz',
			params: { title: 'Grooming' }
		});
		expect(sheet.classSession[1].lines).toContainEqual({
			key: 'run_live_scenario',
			params: { title: 'Sofie vil have penge' }
		});
		expect(sheet.parentEvening[2].title).toEqual({
			key: 'run_live_quiz',
			params: { title: 'Tal med dit barn' }
		});
		expect(sheet.parentEvening.at(-1)!.lines).toContainEqual({
			key: 'run_next_modules',
			params: { titles: 'Tal med dit barn, Radikalisering' }
		});
	});
	it('says what is missing: no programme, no poll, no agreements', () => {
		const sheet = runSheet({ ...input, youth: [], parent: [], hasPoll: false });
		expect(sheet.classSession[1].lines).toEqual([{ key: 'run_programme_missing_youth' }]);
		expect(sheet.classSession[2].lines).toContainEqual({ key: 'run_poll_missing' });
		expect(sheet.parentEvening.at(-2)!.lines).toContainEqual({ key: 'run_agreements_missing' });
		expect(sheet.toPrint.map((l) => l.key)).not.toContain('run_print_poll');
	});
	it("names the municipality's help, or the national help when it has none of its own", () => {
		expect(runSheet(input).classSession.at(-1)!.lines).toContainEqual({
			key: 'run_help_local',
			params: { count: 3, municipality: 'Herlev' }
		});
		expect(runSheet({ ...input, localHelp: 0 }).classSession.at(-1)!.lines).toContainEqual({
			key: 'run_help_national',
			params: { municipality: 'Herlev' }
		});
	});
});
