import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from './client';
import { isUniqueViolation } from './errors';

describe('isUniqueViolation', () => {
	const db = openDatabase(':memory:');
	db.run(sql`create table t (id text primary key, code text unique, n integer not null)`);
	db.run(sql`insert into t values ('a', 'x', 1)`);
	const failure = (statement: ReturnType<typeof sql>) => {
		try {
			db.run(statement);
		} catch (e) {
			return e;
		}
		throw new Error('expected the statement to fail');
	};

	it('is true for a repeated unique column or primary key', () => {
		expect(isUniqueViolation(failure(sql`insert into t values ('b', 'x', 1)`))).toBe(true);
		expect(isUniqueViolation(failure(sql`insert into t values ('a', 'y', 1)`))).toBe(true);
	});
	it('is false for other failures and for things that are not errors', () => {
		expect(isUniqueViolation(failure(sql`insert into t values ('c', 'z', null)`))).toBe(false);
		expect(isUniqueViolation(new Error('UNIQUE constraint failed'))).toBe(false);
		expect(isUniqueViolation('SQLITE_CONSTRAINT_UNIQUE')).toBe(false);
	});
	it('looks through a wrapping error', () => {
		const cause = failure(sql`insert into t values ('b', 'x', 1)`);
		expect(isUniqueViolation(new Error('query failed', { cause }))).toBe(true);
	});
});
