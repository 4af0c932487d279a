import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { pageHtml } from '$lib/server-html';
import { content, findModule } from '$lib/server/content/library';
import { mayReadTeacherNotes } from '$lib/server/auth/guards';
import { moduleProgressFor, recordModuleOpened, statusOf } from '$lib/server/learning/progress';
import { newNonce, postedSelections, quizView } from '$lib/server/learning/quiz-form';
import { quizSubmissions, spend } from '$lib/server/security/quotas';
import { checkQuestion, submitQuiz } from '$lib/server/learning/take-quiz';
import { QUERY_HEADER, readsOnlyQuery } from '$lib/server/http/page-cache.js';
import { programmeContext } from '$lib/server/themedays/programme-context';
import { materialLinks } from '$lib/server/materials/catalogue';
import { PROGRAMME_PARAM } from '$lib/themedays/programme';

/** A visitor's module page is the same for everyone: the shared page cache may keep it a minute. */
const SAME_FOR_EVERY_VISITOR = {
	'cache-control': 'public, max-age=0, s-maxage=60',
	vary: 'Cookie'
};
/**
 * The page reads only the theme-day parameter, so `?utm=…` may get the page cached without one
 * while `?temadag=…` is rendered. Not said of its data requests, whose query tells SvelteKit
 * which data the browser still has.
 */
const READS_ONLY_PROGRAMME = { [QUERY_HEADER]: readsOnlyQuery(PROGRAMME_PARAM) };

function moduleOr404(track: 'unge' | 'foraeldre', slug: string) {
	const module = findModule(getLocale(), track, slug);
	if (!module) error(404, 'Not found');
	return module;
}

export const load: PageServerLoad = ({
	params,
	locals,
	request,
	url,
	setHeaders,
	isDataRequest
}) => {
	const module = moduleOr404(params.track, params.modul);
	const library = content(getLocale());
	const user = locals.user;
	if (!user && request.method === 'GET')
		setHeaders(
			isDataRequest
				? SAME_FOR_EVERY_VISITOR
				: { ...SAME_FOR_EVERY_VISITOR, ...READS_ONLY_PROGRAMME }
		);
	if (user) recordModuleOpened(user.id, module.slug);
	const professional = mayReadTeacherNotes(user);
	const progress = user ? moduleProgressFor(user.id, module.slug) : undefined;
	const track = library.tracks[params.track];
	const index = track.modules.findIndex((mod) => mod.slug === module.slug);
	const next = track.modules[index + 1];
	return {
		track: { id: track.id, title: track.title },
		module: {
			slug: module.slug,
			title: module.title,
			track: module.track,
			summary: module.summary,
			minutes: module.minutes,
			ages: module.ages,
			passMark: module.passMark,
			translated: module.translated,
			/** The language the module's own text is in (Danish when not translated). */
			contentLocale: module.locale,
			lessonHtml: pageHtml(module.lessonHtml, isDataRequest),
			sources: module.sources,
			lastReviewed: module.lastReviewed,
			teacherHtml: professional ? pageHtml(module.teacherHtml, isDataRequest) : null,
			teacherMaterials: professional ? materialLinks(library, module.slug) : [],
			practice: module.practice
		},
		quiz: quizView(module, newNonce()),
		status: statusOf(progress),
		bestScore: progress?.bestScore ?? null,
		next: next ? { slug: next.slug, title: next.title } : null,
		/** Opened from a theme day's programme: its order replaces the track's. */
		programme: programmeContext(url.searchParams.get(PROGRAMME_PARAM), module, library),
		signedIn: user !== null
	};
};

export const actions: Actions = {
	svar: async ({ params, request, locals, cookies, url }) => {
		const module = moduleOr404(params.track, params.modul);
		const form = await request.formData();
		if (locals.user && spend(quizSubmissions, locals.user.id) > 0)
			return fail(429, {
				quiz: quizView(module, String(form.get('nonce') ?? '') || newNonce()),
				selections: postedSelections(form),
				problems: [],
				expired: false,
				busy: true
			});
		const outcome = submitQuiz(module, form, {
			user: locals.user,
			cookies,
			url
		});
		if (!outcome.ok) {
			// The same nonce renders the same shuffle, so the person's choices stay where they were.
			return fail(400, {
				quiz: quizView(module, outcome.nonce ?? newNonce()),
				selections: outcome.selections,
				problems: outcome.problems,
				expired: outcome.nonce === null
			});
		}
		return { result: outcome.grade, saved: outcome.saved };
	},
	tjek: async ({ params, request, locals }) => {
		const module = moduleOr404(params.track, params.modul);
		if (locals.user && spend(quizSubmissions, locals.user.id) > 0)
			return fail(429, { checkError: 'busy' as const });
		const checked = checkQuestion(module, await request.formData(), locals.user);
		if (checked === null) return fail(400, { checkError: 'expired' as const });
		if (typeof checked === 'string') return fail(400, { checkError: checked });
		return { checked };
	}
};
