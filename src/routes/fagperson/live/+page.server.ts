import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { field } from '$lib/server/http/form';
import { content } from '$lib/server/content/library';
import { TRACKS, type TrackId } from '$lib/tracks';
import { getLocale } from '$lib/paraglide/runtime';
import { liveSessionsOf } from '$lib/server/live/store';
import { startLiveSession } from '$lib/server/live/rooms';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'professional', 'admin');
	const { tracks } = content(getLocale());
	return {
		sessions: liveSessionsOf(user.id).map((s) => ({
			id: s.id,
			code: s.code,
			title:
				tracks[s.track as TrackId]?.modules.find((mod) => mod.slug === s.moduleSlug)?.title ??
				s.moduleSlug,
			createdAt: s.createdAt,
			running: s.endedAt === null
		})),
		tracks: TRACKS.map((id) => ({
			id,
			title: tracks[id].title,
			modules: tracks[id].modules.map((mod) => ({ slug: mod.slug, title: mod.title }))
		}))
	};
};

export const actions: Actions = {
	start: async (event) => {
		const user = requireRole(event, 'professional', 'admin');
		const form = await event.request.formData();
		// One select gives "track/slug"; forms elsewhere (module page, theme day) send both fields.
		const [track, slug] = field(form, 'modul').includes('/')
			? field(form, 'modul').split('/')
			: [field(form, 'track'), field(form, 'modul')];
		const room = (TRACKS as readonly string[]).includes(track)
			? startLiveSession({
					ownerId: user.id,
					track: track as TrackId,
					moduleSlug: slug,
					themeDayId: field(form, 'temadag') || null
				})
			: null;
		if (!room) return fail(400, { errors: { modul: 'live_module_required' } });
		redirect(303, `/fagperson/live/${room.id}`);
	}
};
