import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { serverKey } from './server-key';
import { recordAttempt } from './progress';
import { scorePercent } from './grading';
import { content } from '../content/library';

/**
 * A visitor's quiz results live only in their own browser, in a signed session cookie,
 * so that they can choose to keep them when they create an account on the same device.
 */
export const VISIT_COOKIE = 'besoeg';
const MAX_RESULTS = 40;

export interface VisitResult {
	slug: string;
	correct: number;
	total: number;
	at: number;
	/** Percent with partial credit (grading.ts); results stored before it had none. */
	score: number;
}

function sign(payload: string): string {
	return createHmac('sha256', serverKey('visit-results')).update(payload).digest('base64url');
}

export function encodeVisitResults(results: VisitResult[]): string {
	const payload = Buffer.from(
		JSON.stringify(results.map((r) => [r.slug, r.correct, r.total, r.at, r.score]))
	).toString('base64url');
	return `${payload}.${sign(payload)}`;
}

export function decodeVisitResults(value: string | undefined): VisitResult[] {
	if (!value) return [];
	const [payload, signature] = value.split('.');
	if (!payload || !signature) return [];
	const expected = Buffer.from(sign(payload));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return [];
	try {
		const rows = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [
			string,
			number,
			number,
			number,
			number?
		][];
		return rows.map(([slug, correct, total, at, score]) => ({
			slug,
			correct,
			total,
			at,
			score: score ?? scorePercent(correct, total)
		}));
	} catch {
		return [];
	}
}

export function readVisitResults(cookies: Cookies): VisitResult[] {
	return decodeVisitResults(cookies.get(VISIT_COOKIE));
}

/** Adds a result to the visitor's cookie; returns the visit's results with it. */
export function addVisitResult(cookies: Cookies, url: URL, result: VisitResult): VisitResult[] {
	const results = [...readVisitResults(cookies), result].slice(-MAX_RESULTS);
	cookies.set(VISIT_COOKIE, encodeVisitResults(results), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
	return results;
}

export function clearVisitResults(cookies: Cookies, url: URL): void {
	cookies.delete(VISIT_COOKIE, { path: '/', secure: url.protocol === 'https:' });
}

/** Stores the visit's results on the new account, each as an attempt marked as from the visit. */
export function importVisitResults(userId: string, results: VisitResult[]): number {
	const modules = content('da').modules;
	let imported = 0;
	for (const r of results) {
		const module = modules.get(r.slug);
		if (
			!module ||
			r.total !== module.questions.length ||
			r.correct < 0 ||
			r.correct > r.total ||
			!(r.score >= 0 && r.score <= 100)
		)
			continue;
		const score = r.score;
		recordAttempt(
			userId,
			r.slug,
			{ correctCount: r.correct, questionCount: r.total, score, passed: score >= module.passMark },
			{ now: new Date(r.at), fromVisit: true }
		);
		imported++;
	}
	return imported;
}
