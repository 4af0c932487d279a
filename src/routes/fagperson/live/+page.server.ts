import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { field } from '$lib/server/http/form';
import { content, findAssignable } from '$lib/server/content/library';
import { TRACKS, type TrackId } from '$lib/tracks';
import { getLocale } from '$lib/paraglide/runtime';
import type { FieldErrors } from '$lib/i18n';
import { liveSessionsOf } from '$lib/server/live/store';
import { startLiveSession } from '$lib/server/live/rooms';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'professional', 'admin');
	const { tracks } = content(getLocale());
	return {
		sessions: liveSessionsOf(user.id).map((s) => ({
			id: s.id,
			code: s.code,
			title: findAssignable(getLocale(), s.moduleSlug)?.title ?? s.moduleSlug,
			createdAt: s.createdAt,
			running: s.endedAt === null
		})),
		tracks: TRACKS.map((id) => ({
			id,
			title: tracks[id].title,
			modules: tracks[id].modules.map((mod) => ({ slug: mod.slug, title: mod.title })),
			scenarios: tracks[id].scenarios.map((sc) => ({ slug: sc.slug, title: sc.title }))
		}))
	};
};

/**
 * What to run: the page's select gives "track/slug" for a module's quiz or "track/oev/slug" for
 * a scenario; forms elsewhere (module page, scenario page, theme day) send the fields.
 */
function chosenActivity(
	form: FormData
): { kind: 'quiz' | 'scenario'; track: string; slug: string } | null {
	const selected = field(form, 'modul').split('/');
	if (selected.length === 2) return { kind: 'quiz', track: selected[0], slug: selected[1] };
	if (selected.length === 3 && selected[1] === 'oev')
		return { kind: 'scenario', track: selected[0], slug: selected[2] };
	if (field(form, 'scenarie'))
		return { kind: 'scenario', track: field(form, 'track'), slug: field(form, 'scenarie') };
	if (field(form, 'modul'))
		return { kind: 'quiz', track: field(form, 'track'), slug: field(form, 'modul') };
	return null;
}

export const actions: Actions = {
	start: async (event) => {
		const user = requireRole(event, 'professional', 'admin');
		const form = await event.request.formData();
		const chosen = chosenActivity(form);
		const started =
			chosen && (TRACKS as readonly string[]).includes(chosen.track)
				? startLiveSession({
						ownerId: user.id,
						kind: chosen.kind,
						track: chosen.track as TrackId,
						moduleSlug: chosen.slug,
						themeDayId: field(form, 'temadag') || null,
						generatedNames: field(form, 'navne') === 'genererede',
						teams: field(form, 'hold') === 'ja',
						endOldest: field(form, 'afslutAeldste') === 'ja'
					})
				: null;
		if (started?.ok === false && started.reason === 'quota')
			return fail(409, {
				errors: {
					modul: { key: 'live_quota_running', params: { count: started.running } }
				} satisfies FieldErrors,
				// The same choice again, to start it after ending the oldest session.
				retry: Object.fromEntries(
					['modul', 'track', 'scenarie', 'temadag', 'navne', 'hold'].map((k) => [k, field(form, k)])
				)
			});
		if (!started?.ok)
			return fail(400, { errors: { modul: 'live_module_required' } satisfies FieldErrors });
		redirect(303, `/fagperson/live/${started.room.id}`);
	}
};
