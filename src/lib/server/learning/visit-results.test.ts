import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '$testing/test-db';
import { forgetServerKeys } from './server-key';
import { decodeVisitResults, encodeVisitResults, type VisitResult } from './visit-results';

beforeEach(() => {
	useTestDatabase();
	forgetServerKeys();
});

describe('visit results cookie', () => {
	const results = [{ slug: 'grooming', correct: 6, total: 7, at: 1_700_000_000_000, score: 91 }];
	it('round-trips signed results', () => {
		expect(decodeVisitResults(encodeVisitResults(results))).toEqual(results);
	});
	it('reads results stored before partial credit, scoring them by the right answers', () => {
		const { score: _, ...old } = results[0];
		const stored = encodeVisitResults([old as VisitResult]);
		expect(decodeVisitResults(stored)).toEqual([{ ...old, score: 86 }]);
	});
	it('ignores a value whose content was changed', () => {
		const [payload, signature] = encodeVisitResults(results).split('.');
		const forged = Buffer.from(
			Buffer.from(payload, 'base64url').toString().replace('6,7', '7,7')
		).toString('base64url');
		expect(decodeVisitResults(`${forged}.${signature}`)).toEqual([]);
		expect(decodeVisitResults('garbage')).toEqual([]);
		expect(decodeVisitResults(undefined)).toEqual([]);
	});
});
