import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '$testing/test-db';
import { deleteUser } from '../auth/user';
import { deleteInactiveAccounts } from './inactive-accounts';

/**
 * Deleting an account must remove everything that belongs to it. Instead of a hand-kept list,
 * this reads the foreign keys from SQLite: every table that points at `users`, directly or
 * through other tables, gets one row for the account that goes and one for an account that
 * stays. A new table is covered the day it is added.
 */

type Row = Record<string, unknown>;
interface ForeignKey {
	table: string;
	from: string;
	to: string;
}
interface Column {
	name: string;
	type: string;
	notnull: number;
	dflt_value: unknown;
	pk: number;
}

function tablesOwnedByUsers(sqlite: Database.Database): string[] {
	const tables = (
		sqlite
			.prepare(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'"
			)
			.all() as { name: string }[]
	).map((t) => t.name);
	const owned = new Set(['users']);
	let grew = true;
	while (grew) {
		grew = false;
		for (const table of tables) {
			if (owned.has(table)) continue;
			if (foreignKeys(sqlite, table).some((fk) => owned.has(fk.table))) {
				owned.add(table);
				grew = true;
			}
		}
	}
	return [...owned];
}

function foreignKeys(sqlite: Database.Database, table: string): ForeignKey[] {
	return sqlite.prepare(`pragma foreign_key_list("${table}")`).all() as ForeignKey[];
}

/** Inserts one row in every owned table for one account, parents before children. */
function seedAccount(sqlite: Database.Database, tables: string[], n: number): string {
	const rows = new Map<string, Row>();
	const pending = [...tables];
	while (pending.length) {
		const index = pending.findIndex((table) =>
			foreignKeys(sqlite, table).every((fk) => fk.table === table || rows.has(fk.table))
		);
		if (index < 0) throw new Error(`cannot order tables: ${pending.join(', ')}`);
		const [table] = pending.splice(index, 1);
		const keys = foreignKeys(sqlite, table);
		const columns = sqlite.prepare(`pragma table_info("${table}")`).all() as Column[];
		const autoId =
			columns.filter((c) => c.pk).length === 1 && columns.some((c) => c.pk && c.type === 'INTEGER');
		const row: Row = {};
		for (const column of columns) {
			const key = keys.find((fk) => fk.from === column.name);
			if (key) {
				if (!tables.includes(key.table))
					throw new Error(`${table}.${column.name} needs a row in ${key.table}`);
				row[column.name] = rows.get(key.table)![key.to];
			} else if (column.pk && autoId) {
				continue;
			} else if (column.type === 'INTEGER' || column.type === 'REAL') {
				row[column.name] = n;
			} else if (column.type === 'BLOB') {
				row[column.name] = Buffer.from([n]);
			} else if (column.notnull || column.pk) {
				row[column.name] = `${column.name}-${n}-${randomUUID()}`;
			}
		}
		if (table === 'users') Object.assign(row, { role: 'youth', last_active_at: 0 });
		const names = Object.keys(row);
		const result = sqlite
			.prepare(
				`insert into "${table}" (${names.map((c) => `"${c}"`).join(', ')}) values (${names.map((c) => `@${c}`).join(', ')})`
			)
			.run(row);
		const pk = columns.find((c) => c.pk)!;
		if (autoId) row[pk.name] = Number(result.lastInsertRowid);
		rows.set(table, row);
	}
	return rows.get('users')!.id as string;
}

function countRows(sqlite: Database.Database, tables: string[]): Record<string, number> {
	return Object.fromEntries(
		tables.map((t) => [
			t,
			(sqlite.prepare(`select count(*) n from "${t}"`).get() as { n: number }).n
		])
	);
}

let sqlite: Database.Database;
let tables: string[];

beforeEach(() => {
	sqlite = useTestDatabase().$client;
	tables = tablesOwnedByUsers(sqlite);
});

describe('deleting an account', () => {
	it('finds every table that holds a person’s data', () => {
		// Guards the discovery itself; the tests below use whatever it finds.
		expect(tables).toEqual(
			expect.arrayContaining([
				'users',
				'sessions',
				'module_progress',
				'quiz_attempts',
				'attempt_answers',
				'family_codes',
				'family_links',
				'card_talks',
				'classes',
				'class_members',
				'assignments',
				'password_reset_codes',
				'theme_days',
				'live_sessions',
				'live_participants',
				'live_answers',
				'live_answer_counts'
			])
		);
	});

	it('removes every row of that account in every table and keeps everyone else’s', () => {
		const gone = seedAccount(sqlite, tables, 1);
		seedAccount(sqlite, tables, 2);
		const two = Object.fromEntries(tables.map((t) => [t, 2]));
		expect(countRows(sqlite, tables)).toEqual(two);

		deleteUser(gone);
		const one = Object.fromEntries(tables.map((t) => [t, 1]));
		expect(countRows(sqlite, tables)).toEqual(one);
		expect(sqlite.prepare('pragma foreign_key_check').all()).toEqual([]);
	});

	it('does the same when the retention job deletes an inactive account', () => {
		const stale = seedAccount(sqlite, tables, 1);
		const fresh = seedAccount(sqlite, tables, 2);
		const now = new Date('2026-11-25T12:00:00Z');
		sqlite.prepare('update users set last_active_at = ? where id = ?').run(now.getTime(), fresh);
		expect(deleteInactiveAccounts({ now, months: 18 }).deleted).toBe(1);
		expect(countRows(sqlite, tables)).toEqual(Object.fromEntries(tables.map((t) => [t, 1])));
		expect(sqlite.prepare('select id from users').all()).toEqual([{ id: fresh }]);
		expect(stale).not.toBe(fresh);
	});
});
