import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { content } from '$lib/server/content/library';

/** Every youth module's conversation cards, as a library for any parent. */
export const load: PageServerLoad = () => ({
	cards: content(getLocale()).tracks.unge.modules.flatMap((mod) =>
		mod.cards ? [{ slug: mod.slug, title: mod.title, cards: mod.cards }] : []
	)
});
