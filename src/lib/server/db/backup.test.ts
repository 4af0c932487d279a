import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, countRows, integrityCheck } from './backup';
import { openDatabase, type AppDatabase } from './client';
import { attemptAnswers, moduleProgress, quizAttempts, sessions, users } from './schema';

let dir: string;
let db: AppDatabase;

function fill(db: AppDatabase, people: number): void {
	const now = new Date();
	db.transaction((tx) => {
		for (let i = 0; i < people; i++) {
			const id = `user-${i}`;
			tx.insert(users)
				.values({
					id,
					username: id,
					usernameKey: id,
					passwordHash: 'x',
					role: 'youth',
					createdAt: now,
					lastActiveAt: now
				})
				.run();
			tx.insert(sessions)
				.values({
					id: `s-${i}`,
					userId: id,
					secretHash: Buffer.alloc(32, i),
					createdAt: now,
					expiresAt: now
				})
				.run();
			tx.insert(moduleProgress)
				.values({
					userId: id,
					moduleSlug: 'grooming',
					firstOpenedAt: now,
					lastOpenedAt: now,
					attempts: 3
				})
				.run();
			for (let a = 0; a < 3; a++) {
				const attempt = tx
					.insert(quizAttempts)
					.values({
						userId: id,
						moduleSlug: 'grooming',
						correctCount: a,
						questionCount: 7,
						score: a * 10,
						passed: false,
						createdAt: now
					})
					.returning({ id: quizAttempts.id })
					.get();
				tx.insert(attemptAnswers)
					.values([
						{ attemptId: attempt.id, questionId: 'q1', answer: ['a'], correct: true },
						{ attemptId: attempt.id, questionId: 'q2', answer: ['b', 'c'], correct: false }
					])
					.run();
			}
		}
	});
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'sammen-backup-'));
	db = openDatabase(join(dir, 'app.db'));
});

afterEach(() => {
	db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('backupDatabase', () => {
	it('copies every row of every table into a file that passes integrity_check', async () => {
		fill(db, 200);
		const summary = await backupDatabase(join(dir, 'app.db'), join(dir, 'copies', 'backup.db'));

		const copy = new Database(join(dir, 'copies', 'backup.db'), { readonly: true });
		try {
			expect(integrityCheck(copy)).toBe('ok');
			const original = countRows(db.$client);
			expect(countRows(copy)).toEqual(original);
			expect(original.users).toBe(200);
			expect(original.quiz_attempts).toBe(600);
			expect(original.attempt_answers).toBe(1200);
			expect(summary.rowsPerTable).toEqual(original);
			expect(summary.tables).toBe(Object.keys(original).length);
			expect(summary.rows).toBe(Object.values(original).reduce((a, b) => a + b, 0));
			// One self-contained file: no -wal needed to read it.
			expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
		} finally {
			copy.close();
		}
		expect(readdirSync(join(dir, 'copies'))).toEqual(['backup.db']);
	});

	it('takes a consistent snapshot while another connection is in the middle of writing', async () => {
		fill(db, 20);
		const before = countRows(db.$client);
		// The app's connection holds an open write transaction during the backup.
		db.$client.exec('BEGIN IMMEDIATE');
		db.$client
			.prepare(
				"INSERT INTO quiz_attempts (user_id, module_slug, correct_count, question_count, score, passed, created_at) VALUES ('user-1', 'grooming', 1, 7, 14, 0, 0)"
			)
			.run();
		const summary = await backupDatabase(join(dir, 'app.db'), join(dir, 'backup.db'));
		db.$client.exec('COMMIT');

		expect(summary.rowsPerTable).toEqual(before);
		expect(countRows(db.$client).quiz_attempts).toBe(before.quiz_attempts + 1);
		const copy = new Database(join(dir, 'backup.db'), { readonly: true });
		expect(integrityCheck(copy)).toBe('ok');
		copy.close();
	});

	it('replaces an earlier backup and refuses to overwrite the database itself', async () => {
		fill(db, 2);
		await backupDatabase(join(dir, 'app.db'), join(dir, 'backup.db'));
		fill(db, 0);
		db.$client.exec("DELETE FROM sessions WHERE id = 's-0'");
		const second = await backupDatabase(join(dir, 'app.db'), join(dir, 'backup.db'));
		expect(second.rowsPerTable.sessions).toBe(1);

		await expect(backupDatabase(join(dir, 'app.db'), join(dir, 'app.db'))).rejects.toThrow();
		await expect(backupDatabase(join(dir, 'missing.db'), join(dir, 'x.db'))).rejects.toThrow();
		expect(existsSync(join(dir, 'x.db'))).toBe(false);
	});
});
