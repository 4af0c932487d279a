import type { LoadOptions } from './loader';

/**
 * The words the content check and the content tests render blocks with. The server takes them
 * from messages/*.json in the reader's language (library.ts); checking needs only some words.
 */
export const CHECK_LABELS: Pick<LoadOptions, 'calloutLabels' | 'mockMessageLabels'> = {
	calloutLabels: () => ({
		tip: 'Tip',
		advarsel: 'Pas på',
		hjaelp: 'Få hjælp',
		refleksion: 'Tænk over det'
	}),
	mockMessageLabels: () => ({
		heading: (kind, from, app) => `${kind} fra ${from}${app ? ` på ${app}` : ''}`,
		theyWrite: (from) => `${from} skriver:`,
		youWrite: 'Du skriver:',
		example: 'Eksempel'
	})
};
