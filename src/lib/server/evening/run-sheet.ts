import type { Line, RunSheet, RunStep } from '$lib/evening/types';

export type { Line, RunSheet, RunStep };

export interface RunSheetInput {
	/** The youth programme's modules in order, with the first practice scenario of each. */
	youth: { title: string; scenario: string | null }[];
	parent: { title: string }[];
	municipality: string;
	/** Help services of the municipality in content/da/kommuner (0 when it has none). */
	localHelp: number;
	hasPoll: boolean;
	hasAgreements: boolean;
}

export const CLASS_MINUTES = 45;
export const EVENING_MINUTES = 90;

/** Steps laid end to end from minute 0, each with its length. */
function timed(steps: { minutes: number; title: Line; lines: Line[] }[]): RunStep[] {
	let at = 0;
	return steps.map(({ minutes, title, lines }) => {
		const step = { from: at, to: at + minutes, title, lines };
		at += minutes;
		return step;
	});
}

function helpLine(input: RunSheetInput): Line {
	return input.localHelp > 0
		? {
				key: 'run_help_local',
				params: { count: input.localHelp, municipality: input.municipality }
			}
		: { key: 'run_help_national', params: { municipality: input.municipality } };
}

/**
 * A theme day's run sheet: a 45-minute class session and a 90-minute parent evening, minute by
 * minute, made from its programmes, and what to print.
 */
export function runSheet(input: RunSheetInput): RunSheet {
	const firstYouth = input.youth[0];
	const firstParent = input.parent[0];
	const pollLine: Line = input.hasPoll ? { key: 'run_poll_ready' } : { key: 'run_poll_missing' };
	const agreementsLine: Line = input.hasAgreements
		? { key: 'run_agreements_ready' }
		: { key: 'run_agreements_missing' };

	const classSession = timed([
		{ minutes: 5, title: { key: 'run_welcome' }, lines: [{ key: 'run_welcome_class' }] },
		{
			minutes: 15,
			title: firstYouth
				? { key: 'run_live_quiz', params: { title: firstYouth.title } }
				: { key: 'run_live_quiz_none' },
			lines: [
				firstYouth ? { key: 'run_live_quiz_class' } : { key: 'run_programme_missing_youth' },
				...(firstYouth?.scenario
					? [{ key: 'run_live_scenario', params: { title: firstYouth.scenario } } as Line]
					: [])
			]
		},
		{
			minutes: 10,
			title: { key: 'run_voices' },
			lines: [{ key: 'run_voices_class' }, pollLine]
		},
		{ minutes: 10, title: { key: 'run_dilemmas' }, lines: [{ key: 'run_dilemmas_class' }] },
		{
			minutes: 5,
			title: { key: 'run_agreements_and_help' },
			lines: [{ key: 'run_agreements_class' }, agreementsLine, helpLine(input)]
		}
	]);

	const parentEvening = timed([
		{ minutes: 10, title: { key: 'run_welcome' }, lines: [{ key: 'run_welcome_evening' }] },
		{
			minutes: 20,
			title: { key: 'run_guess' },
			lines: [{ key: 'run_guess_evening' }, { key: 'run_guess_minimum' }, pollLine]
		},
		{
			minutes: 15,
			title: firstParent
				? { key: 'run_live_quiz', params: { title: firstParent.title } }
				: { key: 'run_live_quiz_none' },
			lines: [
				firstParent ? { key: 'run_live_quiz_evening' } : { key: 'run_programme_missing_parent' }
			]
		},
		{ minutes: 10, title: { key: 'run_break' }, lines: [{ key: 'run_break_evening' }] },
		{ minutes: 15, title: { key: 'run_dilemmas' }, lines: [{ key: 'run_dilemmas_evening' }] },
		{
			minutes: 15,
			title: { key: 'run_agreements' },
			lines: [{ key: 'run_agreements_evening' }, agreementsLine]
		},
		{
			minutes: 5,
			title: { key: 'run_help_and_next' },
			lines: [
				helpLine(input),
				input.parent.length
					? {
							key: 'run_next_modules',
							params: { titles: input.parent.map((p) => p.title).join(', ') }
						}
					: { key: 'run_next_cards' }
			]
		}
	]);

	return {
		classSession,
		parentEvening,
		toPrint: [
			{ key: 'run_print_sheet' },
			{ key: 'run_print_dilemmas' },
			{ key: 'run_print_poster' },
			...(input.hasPoll ? [{ key: 'run_print_poll' } as Line] : []),
			{ key: 'run_print_agreements' },
			{ key: 'run_print_help', params: { municipality: input.municipality } }
		]
	};
}
