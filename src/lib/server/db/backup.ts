import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface BackupSummary {
	/** Absolute path of the finished copy. */
	file: string;
	/** Rows per table in the copy (SQLite's own tables left out). */
	rowsPerTable: Record<string, number>;
	tables: number;
	rows: number;
}

/** Row count of every user table, read in one snapshot. */
export function countRows(db: Database.Database): Record<string, number> {
	const names = db
		.prepare(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
		)
		.pluck()
		.all() as string[];
	const counts: Record<string, number> = {};
	db.transaction(() => {
		for (const name of names) {
			counts[name] = db
				.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
				.pluck()
				.get() as number;
		}
	})();
	return counts;
}

export function integrityCheck(db: Database.Database): string {
	const lines = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
	return lines.join('\n');
}

/**
 * Copies the database at `source` to `destination` with SQLite's online backup API while the
 * app may keep serving: in WAL mode the copy reads one consistent snapshot and never blocks the
 * app's writes. The copy is written beside the destination under a temporary name, switched to
 * a single self-contained file (no -wal), checked with `PRAGMA integrity_check` and only then
 * renamed into place, so a half-written backup never carries the final name.
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupSummary> {
	const from = resolve(source);
	const to = resolve(destination);
	if (from === to) throw new Error('The backup must go to another file than the database');
	if (!existsSync(from)) throw new Error(`No database at ${from}`);
	mkdirSync(dirname(to), { recursive: true });
	const partial = `${to}.${process.pid}.tmp`;
	removeDatabaseFiles(partial);

	const db = new Database(from, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		// All remaining pages in one step: a step that sees the source change in between
		// (another connection wrote) would make SQLite start the copy over.
		await db.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) });
	} finally {
		db.close();
	}

	const copy = new Database(partial, { fileMustExist: true });
	let rowsPerTable: Record<string, number>;
	try {
		copy.pragma('journal_mode = DELETE');
		const integrity = integrityCheck(copy);
		if (integrity !== 'ok') throw new Error(`integrity_check of the copy failed: ${integrity}`);
		rowsPerTable = countRows(copy);
	} catch (problem) {
		copy.close();
		removeDatabaseFiles(partial);
		throw problem;
	}
	copy.close();
	// A stale -wal beside the old backup would be replayed onto the new file.
	for (const suffix of ['-wal', '-shm', '-journal']) rmSync(to + suffix, { force: true });
	renameSync(partial, to);
	const counts = Object.values(rowsPerTable);
	return {
		file: to,
		rowsPerTable,
		tables: counts.length,
		rows: counts.reduce((sum, n) => sum + n, 0)
	};
}

function removeDatabaseFiles(path: string): void {
	for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}
