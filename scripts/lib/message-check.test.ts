import { describe, expect, it } from 'vitest';
import { checkMessages, markTranslated, sourceHash } from './message-check';

const danish = { hello: 'Hej {name}', bye: 'Farvel', only: 'Kun på dansk' };

describe('interface message translations', () => {
	it('lists missing and extra keys and changed parameters', () => {
		const report = checkMessages(
			'ar',
			danish,
			{ hello: 'مرحبا {navn}', bye: 'وداعا', old: 'x' },
			markTranslated(danish, {}, ['hello', 'bye'])
		);
		expect(report).toMatchObject({
			missing: ['only'],
			extra: ['old'],
			parameters: ['hello'],
			stale: []
		});
	});

	it('reports a translation as stale once its Danish text changes, until it is marked again', () => {
		const from = markTranslated(danish, {}, ['hello', 'bye']);
		const changed = { ...danish, bye: 'Farvel og tak' };
		const translated = { hello: 'مرحبا {name}', bye: 'وداعا' };
		expect(checkMessages('ar', changed, translated, from).stale).toEqual(['bye']);
		const marked = markTranslated(changed, from, ['bye']);
		expect(marked.bye).toBe(sourceHash('Farvel og tak'));
		expect(checkMessages('ar', changed, translated, marked).stale).toEqual([]);
	});
});
