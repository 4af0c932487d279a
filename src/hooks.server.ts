import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { messagesHref } from '$lib/messages-path';
import { dirOf } from '$lib/locales';
import { getDb } from '$lib/server/db/client';
import { initContent } from '$lib/server/content/library';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { getUser, markActiveIfStale, toSessionUser } from '$lib/server/auth/user';
import { securityHeaders } from '$lib/server/http/security-headers';
import { requestLocale, takeLocaleFromRequest } from '$lib/server/http/locale';
import { installShutdownHandlers } from '$lib/server/http/shutdown';
import { closeAllLiveStreams } from '$lib/server/live/rooms';
import { registerHousekeepingJobs } from '$lib/server/jobs/housekeeping';
import { startReplication } from '$lib/server/replication/replication';
import { initInstallation } from '$lib/server/installation/settings';

export const init: ServerInit = async () => {
	initInstallation();
	getDb();
	takeLocaleFromRequest();
	initContent();
	installShutdownHandlers();
	registerHousekeepingJobs();
	// Open event streams would keep the server from closing; end them when asked to stop.
	for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, closeAllLiveStreams);
	// After the migrations: Litestream replicates the database as they left it.
	await startReplication();
};

const locale: Handle = ({ event, resolve }) => {
	const lang = (event.locals.locale = requestLocale(event.cookies));
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html
				.replace('%paraglide.lang%', lang)
				.replace('%lang.dir%', dirOf(lang))
				.replace('%messages.href%', messagesHref(lang, dev))
	});
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const valid = validateSessionToken(token);
		const row = valid ? getUser(valid.userId) : undefined;
		if (valid && row) {
			event.locals.session = valid;
			event.locals.user = toSessionUser(row);
			setSessionCookie(event.cookies, event.url, token, valid.expiresAt);
			markActiveIfStale(row);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	securityHeaders(event.url).forEach(([name, value]) => {
		if (!response.headers.has(name)) response.headers.set(name, value);
	});
	// Personal pages must not come back from a shared computer's cache after signing out.
	if (event.locals.user && !response.headers.has('Cache-Control'))
		response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle = sequence(locale, session, headers);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};
