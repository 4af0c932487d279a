import { describe, expect, it } from 'vitest';
import { lix } from './lix';

describe('lix', () => {
	it('is words per sentence plus the share of long words', () => {
		// 9 words, 2 sentences, 1 long word (“sætninger” has 9 letters): 4.5 + 11.1
		expect(lix('Her er to korte sætninger. Den anden er kort.')).toEqual({
			lix: 15.6,
			words: 9,
			sentences: 2,
			longWords: 1
		});
	});
	it('ends a sentence at every heading, list item and block', () => {
		const result = lix('## En overskrift\n\n- et punkt\n- et andet punkt\n\n:::tip\nEt tip\n:::');
		expect(result.sentences).toBe(4);
	});
	it('ignores link targets and image syntax', () => {
		expect(lix('Læs [mere her](https://eksempel.dk/en-meget-lang-adresse).').words).toBe(3);
	});
});
