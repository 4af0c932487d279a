import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { content } from '$lib/server/content/library';
import { progressByModule, trackProgress } from '$lib/server/learning/progress';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const track = content(getLocale()).tracks[event.params.track];
	const summary = trackProgress(track.modules, progressByModule(user.id));
	return {
		track: { id: track.id, title: track.title },
		name: user.displayName ?? user.username,
		done: summary.done,
		total: summary.total,
		completedAt: summary.completedAt?.toISOString() ?? null
	};
};
