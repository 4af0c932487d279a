import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { countRows, integrityCheck } from '../db/backup';
import { litestreamBinary, writeLitestreamConfig } from './litestream';
import type { ReplicationSettings } from './settings';

export interface RestoreSummary {
	file: string;
	tables: number;
	rows: number;
	rowsPerTable: Record<string, number>;
}

/** An ISO 8601 time with a zone (what Litestream's -timestamp takes), or null. */
export function parseRestoreTime(value: string): Date | null {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value))
		return null;
	const time = new Date(value);
	return Number.isNaN(time.getTime()) ? null : time;
}

/** Litestream's own words for why it failed (its last JSON log line), or its raw output. */
function litestreamError(output: string): string {
	const lines = output.trim().split('\n').filter(Boolean);
	for (const line of lines.reverse()) {
		try {
			const entry = JSON.parse(line) as { msg?: string; error?: string };
			if (entry.error) return entry.error;
		} catch {
			return line;
		}
	}
	return output.trim() || 'ukendt fejl';
}

function run(binary: string, args: string[]): Promise<{ code: number | null; output: string }> {
	return new Promise((done, fail) => {
		const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', fail);
		child.on('exit', (code) => done({ code, output }));
	});
}

/**
 * Restores the database that `databasePath` names in the replica (the latest state, or the
 * state at `time`) into `target`, a file that must not exist yet, and checks it with
 * `PRAGMA integrity_check`. A copy that fails the check is removed and the restore throws.
 */
export async function restoreReplica(options: {
	settings: ReplicationSettings;
	databasePath: string;
	target: string;
	time?: Date;
}): Promise<RestoreSummary> {
	const target = resolve(options.target);
	for (const suffix of ['', '-wal', '-shm']) {
		if (existsSync(target + suffix))
			throw new Error(
				`${target + suffix} findes allerede. Stop appen, og flyt den gamle database (og -wal/-shm) væk, eller gendan til en ny fil.`
			);
	}
	mkdirSync(dirname(target), { recursive: true });
	const config = writeLitestreamConfig(options.settings, options.databasePath);
	try {
		const args = ['restore', '-no-expand-env', '-config', config.file, '-o', target];
		if (options.time) args.push('-timestamp', options.time.toISOString());
		const database = resolve(options.databasePath);
		const { code, output } = await run(litestreamBinary(), [...args, database]);
		if (code !== 0 && options.time) {
			// Litestream 0.3 restores a point in time only between a generation's first and last
			// change: show the operator which spans there are.
			const spans = await run(litestreamBinary(), [
				'generations',
				'-no-expand-env',
				'-config',
				config.file,
				database
			]);
			throw new Error(
				`Litestream kunne ikke gendanne ${options.time.toISOString()}: ${litestreamError(output)}. ` +
					`Vælg et tidspunkt mellem start og end for en af replikaens generationer:\n${spans.output.trim()}`
			);
		}
		if (code !== 0) throw new Error(`Litestream kunne ikke gendanne: ${litestreamError(output)}`);
	} finally {
		config.remove();
	}

	const db = new Database(target, { fileMustExist: true });
	try {
		const integrity = integrityCheck(db);
		if (integrity !== 'ok') throw new Error(`integritetstjekket fejlede: ${integrity}`);
		const rowsPerTable = countRows(db);
		const counts = Object.values(rowsPerTable);
		return {
			file: target,
			rowsPerTable,
			tables: counts.length,
			rows: counts.reduce((sum, n) => sum + n, 0)
		};
	} catch (problem) {
		db.close();
		for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
		throw problem;
	} finally {
		if (db.open) db.close();
	}
}
