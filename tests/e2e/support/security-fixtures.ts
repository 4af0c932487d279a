import { expect, request, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_PORT } from '../../../playwright.config';
import {
	PASSWORD,
	PROFESSIONAL_APPLICATION,
	createAdmin,
	openTestDatabase,
	uniqueName
} from './helpers';

/**
 * People and objects for the security suites, made through the app's own HTTP forms (the same
 * actions a browser posts), so the data is exactly what real use produces.
 */

export const BASE_URL = `http://localhost:${E2E_PORT}`;

/** The actors of the authorization matrix, in the order of its table's columns. */
export const ACTORS = ['visitor', 'youth', 'parent', 'pending', 'proA', 'proB', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

/** A same-origin API client: cookies kept, redirects not followed, so each answer can be read. */
export function apiClient(baseURL = BASE_URL): Promise<APIRequestContext> {
	return request.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL },
		maxRedirects: 0
	});
}

export type ActionOutcome = {
	/** 'success' | 'failure' | 'redirect' | 'error', as SvelteKit reports it to use:enhance. */
	type: string;
	status: number;
	location?: string;
	data?: unknown;
};

/** The path that posts to a named action ('default' is the page itself). */
export function actionUrl(path: string, action: string): string {
	if (action === 'default') return path;
	return `${path}${path.includes('?') ? '&' : '?'}/${action}`;
}

/**
 * Posts a form to an action the way `use:enhance` does, so the answer says whether the action
 * ran (success/failure/redirect) or was stopped before it (error with the HTTP status).
 */
export async function postAction(
	client: APIRequestContext,
	path: string,
	action: string,
	form: Record<string, string> = {}
): Promise<ActionOutcome> {
	const response = await client.post(actionUrl(path, action), {
		form,
		headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }
	});
	const text = await response.text();
	let body: { type?: string; status?: number; location?: string; data?: unknown };
	try {
		body = JSON.parse(text);
	} catch {
		return { type: 'http', status: response.status() };
	}
	return {
		type: body.type ?? 'http',
		status: body.type === 'error' || !body.status ? response.status() : body.status,
		location: body.location,
		data: body.data
	};
}

/**
 * Posts a form as a browser without JavaScript does and returns the raw response (SvelteKit
 * answers an Accept of any type with JSON, so a browser's Accept is sent).
 */
export function postForm(
	client: APIRequestContext,
	path: string,
	action: string,
	form: Record<string, string>
) {
	return client.post(actionUrl(path, action), { form, headers: { accept: 'text/html' } });
}

export function db() {
	return openTestDatabase();
}

export function userId(username: string): string {
	const conn = db();
	try {
		const row = conn.prepare('select id from users where username = ?').get(username) as
			{ id: string } | undefined;
		if (!row) throw new Error(`no user ${username}`);
		return row.id;
	} finally {
		conn.close();
	}
}

export type Account = { client: APIRequestContext; username: string; id: string };

/** Creates an account through /opret-konto; the client holds its session. */
export async function signUpApi(
	role: 'youth' | 'parent' | 'professional' | 'coordinator',
	username = uniqueName(role.slice(0, 3))
): Promise<Account> {
	const client = await apiClient();
	const response = await postForm(client, '/opret-konto', 'default', {
		username,
		password: PASSWORD,
		role,
		...(role === 'professional' || role === 'coordinator' ? PROFESSIONAL_APPLICATION : {})
	});
	expect(response.status(), `sign-up of ${username}`).toBe(303);
	return { client, username, id: userId(username) };
}

/** Signs in through /log-ind; returns a client with a fresh session. */
export async function signInApi(username: string, password = PASSWORD, baseURL = BASE_URL) {
	const client = await apiClient(baseURL);
	const response = await postForm(client, '/log-ind', 'default', { username, password });
	expect(
		response.status(),
		`sign-in of ${username}: ${(await response.text()).match(/role="alert"[^<]*>[^<]*/)?.[0]}`
	).toBe(303);
	return client;
}

export async function adminApi(): Promise<Account> {
	const username = uniqueName('adm');
	createAdmin(username);
	return { client: await signInApi(username), username, id: userId(username) };
}

/** An administrator approves a professional through /admin; the professional signs in again. */
export async function approve(admin: Account, professional: Account): Promise<Account> {
	const outcome = await postAction(admin.client, '/admin', 'godkend', { userId: professional.id });
	expect(outcome.type).toBe('success');
	await professional.client.dispose();
	return { ...professional, client: await signInApi(professional.username) };
}

/** A professional attaches the fixture's youth measure to one of their class assignments. */
export async function createMeasureApi(
	owner: Account,
	assignmentId: number
): Promise<{ id: string; code: string; path: string }> {
	const outcome = await postAction(owner.client, '/fagperson/maalinger', 'opret', {
		measure: 'temadag-unge',
		target: `opgave-${assignmentId}`
	});
	expect(outcome.type, JSON.stringify(outcome)).toBe('redirect');
	const id = outcome.location!.split('/').pop()!;
	const row = snapshot('select code from measures where id = ?', id);
	return { id, code: JSON.parse(row)[0].code as string, path: `/fagperson/maalinger/${id}` };
}

export type ClassFields = { name: string; school: string; ageGroup: string };

export async function createClassApi(
	owner: Account,
	fields: ClassFields = { name: uniqueName('klasse'), school: 'Herlev Skole', ageGroup: '7.' }
): Promise<{ id: string; code: string; path: string }> {
	const outcome = await postAction(owner.client, '/fagperson', 'opret', fields);
	expect(outcome.type, JSON.stringify(outcome)).toBe('redirect');
	const id = outcome.location!.split('/').pop()!;
	return { id, code: classRow(id).join_code as string, path: `/fagperson/klasser/${id}` };
}

/** A professional starts a live quiz on a module; returns its id, code and control page. */
export async function startLiveApi(owner: Account, modul = 'grooming') {
	const outcome = await postAction(owner.client, '/fagperson/live', 'start', {
		track: 'unge',
		modul
	});
	expect(outcome.type, JSON.stringify(outcome)).toBe('redirect');
	const id = outcome.location!.split('/').pop()!;
	const conn = db();
	try {
		const { code } = conn.prepare('select code from live_sessions where id = ?').get(id) as {
			code: string;
		};
		return { id, code, path: `/fagperson/live/${id}` };
	} finally {
		conn.close();
	}
}

/**
 * The status of a response that may be an endless event stream: read the head, then hang up.
 * (APIRequestContext would wait for the body to end.)
 */
export async function streamStatus(
	client: APIRequestContext,
	path: string,
	baseURL = BASE_URL
): Promise<{
	status: number;
	location: string | null;
	contentType: string | null;
	headers: Headers;
}> {
	const { cookies } = await client.storageState();
	const controller = new AbortController();
	const response = await fetch(new URL(path, baseURL), {
		redirect: 'manual',
		signal: controller.signal,
		headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') }
	});
	controller.abort();
	return {
		status: response.status,
		location: response.headers.get('location'),
		contentType: response.headers.get('content-type'),
		headers: response.headers
	};
}

export async function joinClassApi(pupil: Account, code: string) {
	const outcome = await postAction(pupil.client, '/klasse', 'default', { code });
	expect(outcome.type, JSON.stringify(outcome)).toBe('redirect');
}

export async function assignApi(owner: Account, classId: string, moduleSlug: string, note = '') {
	const outcome = await postAction(owner.client, `/fagperson/klasser/${classId}`, 'tildel', {
		moduleSlug,
		dueDate: '',
		note
	});
	expect(outcome.type, JSON.stringify(outcome)).toBe('success');
	const conn = db();
	try {
		return (
			conn
				.prepare('select id from assignments where class_id = ? and module_slug = ?')
				.get(classId, moduleSlug) as { id: number }
		).id;
	} finally {
		conn.close();
	}
}

/** A young person makes a family code, the parent enters it, the young person says yes. */
export async function linkFamilyApi(youth: Account, parent: Account): Promise<number> {
	expect((await postAction(youth.client, '/mig', 'familieKode')).type).toBe('success');
	const conn = db();
	let code: string;
	try {
		code = (
			conn
				.prepare(
					'select code from family_codes where youth_id = ? and used_at is null order by created_at desc'
				)
				.get(youth.id) as { code: string }
		).code;
	} finally {
		conn.close();
	}
	expect(
		(await postAction(parent.client, '/mig', 'familieTilknyt', { familyCode: code })).type
	).toBe('success');
	const linkId = familyLink(youth.id, parent.id).id;
	expect(
		(await postAction(youth.client, '/mig', 'familieBekraeft', { linkId: String(linkId) })).type
	).toBe('success');
	return linkId;
}

export function classRow(id: string): Record<string, unknown> {
	const conn = db();
	try {
		return conn.prepare('select * from classes where id = ?').get(id) as Record<string, unknown>;
	} finally {
		conn.close();
	}
}

export function familyLink(youthId: string, parentId: string): { id: number; status: string } {
	const conn = db();
	try {
		return conn
			.prepare(
				'select id, status from family_links where youth_id = ? and parent_id = ? order by id desc'
			)
			.get(youthId, parentId) as { id: number; status: string };
	} finally {
		conn.close();
	}
}

/** Rows of a query as JSON, for before/after comparisons of data no denied request may change. */
export function snapshot(sql: string, ...params: unknown[]): string {
	const conn = db();
	try {
		return JSON.stringify(conn.prepare(sql).all(...params));
	} finally {
		conn.close();
	}
}

/** Every endpoint's exported HTTP methods, e.g. { '/sprog': ['POST'] }. */
export function endpointMethods(routeId: string): string[] {
	const file = join(process.cwd(), 'src', 'routes', ...routeId.split('/').filter(Boolean));
	const source = readFileSync(join(file, '+server.ts'), 'utf8');
	return [
		...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)
	].map((m) => m[1]);
}

/** Example values for route parameters; a parameter not listed here gets 'x'. */
const EXAMPLE_PARAMS: Record<string, string> = {
	track: 'unge',
	modul: 'grooming',
	scenario: 'oev-sofie',
	id: 'klasse-findes-ikke',
	link: '999999',
	kode: '123456',
	path: 'da/unge/grooming/billede.png'
};

/** A concrete path for a route id, e.g. /[track=track]/[modul] → /unge/grooming. */
export function exampleParamsPath(routeId: string): string {
	return routeId.replace(
		/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g,
		(_, name: string) => EXAMPLE_PARAMS[name] ?? 'x'
	);
}

/** A complete, valid body of the theme-day form (youth programme: grooming). */
export function validThemeDayForm(title: string): Record<string, string> {
	return {
		title,
		startDate: '2030-06-12',
		startTime: '17:00',
		endTime: '20:00',
		place: 'Herlev Bibliotek',
		municipality: 'Herlev',
		audience: 'unge',
		description: 'Kom.',
		contact: 'SSP Herlev',
		'unge-grooming': '1'
	};
}

/**
 * A professional creates a draft theme day (youth programme: grooming); returns its id, slug and
 * page. The texts a person types (title, place, contact, description) can be given.
 */
export async function createThemeDayApi(
	owner: Account,
	texts: Partial<Record<'title' | 'place' | 'contact' | 'description', string>> = {}
) {
	const outcome = await postAction(owner.client, '/fagperson/temadage/ny', 'opret', {
		...validThemeDayForm(uniqueName('temadag')),
		...texts
	});
	expect(outcome.type, JSON.stringify(outcome)).toBe('redirect');
	const id = outcome.location!.split('?')[0].split('/').pop()!;
	const conn = db();
	try {
		const { slug } = conn.prepare('select slug from theme_days where id = ?').get(id) as {
			slug: string;
		};
		return { id, slug, path: `/fagperson/temadage/${id}` };
	} finally {
		conn.close();
	}
}

/** Five questions of the fixture's youth-poll library. */
export const POLL_QUESTION_IDS = [
	'utryg-besked',
	'fremmede-skriver',
	'delt-uden-lov',
	'grimme-kommentarer',
	'tilbud-om-gaver'
];

/** A youth poll of the owner's for one of their theme days or classes ("temadag:<id>"). */
export async function createPollApi(owner: Account, scope: string) {
	const body = new URLSearchParams([
		['for', scope],
		...POLL_QUESTION_IDS.map((id) => ['questions', id])
	]);
	const response = await owner.client.post(actionUrl('/fagperson/stemmer', 'opret'), {
		data: body.toString(),
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true',
			accept: 'application/json'
		}
	});
	const outcome = (await response.json()) as { type: string; location?: string };
	expect(outcome.type, JSON.stringify(outcome)).toBe('redirect');
	const id = outcome.location!.split('/').pop()!;
	const conn = db();
	try {
		const { code } = conn.prepare('select code from youth_polls where id = ?').get(id) as {
			code: string;
		};
		return { id, code, path: `/fagperson/stemmer/${id}` };
	} finally {
		conn.close();
	}
}

/** A set of agreements of the owner's, with one agreement of their own to vote on. */
export async function createAgreementSetApi(owner: Account, scope: string) {
	const outcome = await postAction(owner.client, '/fagperson/aftaler', 'opret', { for: scope });
	expect(outcome.type, JSON.stringify(outcome)).toBe('redirect');
	const id = outcome.location!.split('/').pop()!;
	const path = `/fagperson/aftaler/${id}`;
	const added = await postAction(owner.client, path, 'egen', {
		text: 'Vi spørger, før vi deler et billede af en anden.'
	});
	expect(added.type, JSON.stringify(added)).toBe('success');
	const conn = db();
	try {
		const { code } = conn.prepare('select code from agreement_sets where id = ?').get(id) as {
			code: string;
		};
		const { agreementId } = conn
			.prepare('select id as agreementId from agreements where set_id = ?')
			.get(id) as { agreementId: number };
		return { id, code, path, agreementId };
	} finally {
		conn.close();
	}
}
