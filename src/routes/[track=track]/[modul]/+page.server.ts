import { error, fail, type ServerLoadEvent } from '@sveltejs/kit';
import type { Actions } from './$types';
import type { TrackId } from '$lib/tracks';
import { getLocale } from '$lib/paraglide/runtime';
import { pageHtml } from '$lib/server-html';
import { formatDate } from '$lib/format';
import { content, findModule } from '$lib/server/content/library';
import { mayReadTeacherNotes } from '$lib/server/auth/guards';
import {
	moduleProgressFor,
	recordLessonStep,
	recordModuleOpened,
	statusOf
} from '$lib/server/learning/progress';
import { postedStep, stepToShow } from '$lib/server/learning/lesson-progress';
import {
	newNonce,
	postedSelections,
	quizView,
	type QuizView
} from '$lib/server/learning/quiz-form';
import { quizSubmissions, spend } from '$lib/server/security/quotas';
import type { Module } from '$lib/server/content/types';
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

function moduleOr404(track: TrackId, slug: string) {
	const module = findModule(getLocale(), track, slug);
	if (!module) error(404, 'Not found');
	return module;
}

/** The quiz question asked after a step of the lesson, as this page's quiz shows it. */
function questionAfter(module: Module, quiz: QuizView, step: number) {
	const asked = module.stepQuestions.find((q) => q.afterStep === step);
	const index = asked ? quiz.questions.findIndex((q) => q.id === asked.questionId) : -1;
	return index < 0 ? null : { view: quiz.questions[index], number: index + 1 };
}

/** Also the load of the lesson's step pages (trin/[trin=step]), which show this page at a step. */
export const load = ({
	params,
	locals,
	request,
	url,
	setHeaders,
	isDataRequest
}: ServerLoadEvent<{ track: TrackId; modul: string; trin?: string }>) => {
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
	const step = stepToShow(params.trin, module.lessonSteps.length, progress?.lessonStep ?? null);
	if (step === null) error(404, 'Not found');
	if (user && params.trin && step > 1) recordLessonStep(user.id, module.slug, step);
	const track = library.tracks[params.track];
	const index = track.modules.findIndex((mod) => mod.slug === module.slug);
	const next = track.modules[index + 1];
	const quiz = quizView(module, newNonce());
	return {
		track: { id: track.id, title: track.title, moduleCount: track.modules.length },
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
			takeaways: module.takeaways ?? null,
			sources: module.sources,
			// Formatted here: date formatting is code the page's JavaScript need not carry.
			lastReviewed: formatDate(module.lastReviewed, getLocale()),
			teacherHtml: professional ? pageHtml(module.teacherHtml, isDataRequest) : null,
			teacherMaterials: professional ? materialLinks(library, module.slug) : [],
			practice: module.practice
		},
		lesson: {
			steps: module.lessonSteps.map((s, i) => ({
				title: s.title,
				html: pageHtml(s.html, isDataRequest),
				question: questionAfter(module, quiz, i + 1)
			})),
			/** The step shown (1-based), or 0 for the whole lesson on one page. */
			step
		},
		quiz,
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
		const outcome = submitQuiz(
			module,
			form,
			{ user: locals.user, cookies, url },
			content(getLocale()).tracks[params.track].modules
		);
		if (!outcome.ok) {
			// The same nonce renders the same shuffle, so the person's choices stay where they were.
			return fail(400, {
				quiz: quizView(module, outcome.nonce ?? newNonce()),
				selections: outcome.selections,
				problems: outcome.problems,
				expired: outcome.nonce === null
			});
		}
		return { result: outcome.grade, saved: outcome.saved, passedInTrack: outcome.passedInTrack };
	},
	/** One question's feedback: the step-by-step quiz, and a question between the lesson's steps. */
	tjek: async ({ params, request, locals }) => {
		const module = moduleOr404(params.track, params.modul);
		const form = await request.formData();
		// A question between steps is answered without JavaScript from its step: show that step.
		const step = postedStep(form.get('trin'), module.lessonSteps.length) ?? undefined;
		const asked = module.questions.find((q) => q.id === form.get('question'));
		const question = asked?.id;
		if (locals.user && spend(quizSubmissions, locals.user.id) > 0)
			return fail(429, { checkError: 'busy' as const, question, step });
		const checked = checkQuestion(module, form, locals.user);
		if (checked === null) return fail(400, { checkError: 'expired' as const, question, step });
		if (typeof checked === 'string') return fail(400, { checkError: checked, question, step });
		return { checked, step };
	},
	/** With JavaScript the steps change in place; this remembers the step a signed-in person reached. */
	trin: async ({ params, request, locals }) => {
		const module = moduleOr404(params.track, params.modul);
		const step = postedStep((await request.formData()).get('trin'), module.lessonSteps.length);
		if (step === null) return fail(400);
		if (locals.user) recordLessonStep(locals.user.id, module.slug, step);
		return { step };
	}
};
