import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { content } from '$lib/server/content/library';
import { progressByModule, statusOf, trackProgress } from '$lib/server/learning/progress';
import { pupilAssignments } from '$lib/server/classes/pupil-view';
import { practisedScenarios } from '$lib/server/scenarios/runs';

export const load: PageServerLoad = ({ params, locals }) => {
	const track = content(getLocale()).tracks[params.track];
	const progress = locals.user ? progressByModule(locals.user.id) : new Map();
	const summary = trackProgress(track.modules, progress);
	const assigned = locals.user ? pupilAssignments(locals.user.id, progress, getLocale()) : [];
	const practised = locals.user ? practisedScenarios(locals.user.id) : new Map();
	return {
		track: { id: track.id, title: track.title, introHtml: track.introHtml, lang: track.locale },
		modules: track.modules.map((mod) => ({
			slug: mod.slug,
			lang: mod.locale,
			title: mod.title,
			summary: mod.summary,
			minutes: mod.minutes,
			status: statusOf(progress.get(mod.slug)),
			bestScore: progress.get(mod.slug)?.bestScore ?? null,
			assignments: assigned
				.filter((a) => a.slug === mod.slug)
				.map((a) => ({ id: a.id, className: a.className, dueDate: a.dueDate, overdue: a.overdue }))
		})),
		scenarios: track.scenarios.map((sc) => ({
			slug: sc.slug,
			lang: sc.translated ? sc.locale : 'da',
			title: sc.title,
			summary: sc.summary,
			minutes: sc.minutes,
			practised: practised.has(sc.slug),
			assignments: assigned
				.filter((a) => a.slug === sc.slug)
				.map((a) => ({ id: a.id, className: a.className, dueDate: a.dueDate, overdue: a.overdue }))
		})),
		signedIn: locals.user !== null,
		progress: { done: summary.done, total: summary.total, complete: summary.complete },
		resume: summary.resume && { slug: summary.resume.slug, title: summary.resume.title }
	};
};
