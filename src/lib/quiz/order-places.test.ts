import { describe, expect, it } from 'vitest';
import { orderPlaces } from './order-places';

const step = (id: string, group?: string) => ({
	id,
	text: id,
	feedback: '',
	correct: true,
	chosen: true,
	...(group ? { group } : {})
});

describe('orderPlaces', () => {
	it('puts neighbouring steps of one group in one place and keeps the others alone', () => {
		const places = orderPlaces([step('a'), step('b', 'g'), step('c', 'g'), step('d')]);
		expect(places.map((p) => [p.group, p.steps.map((s) => s.id)])).toEqual([
			[null, ['a']],
			['g', ['b', 'c']],
			[null, ['d']]
		]);
	});
});
