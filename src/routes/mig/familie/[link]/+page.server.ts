import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { content } from '$lib/server/content/library';
import { field } from '$lib/server/http/form';
import { assignmentTitles } from '$lib/server/family/family-page';
import {
	activeLinkForParent,
	familyViewOfYouth,
	markCardTalkedAbout,
	talkedAboutCards
} from '$lib/server/family/family-links';
import { publishedForChild } from '$lib/server/agreements/published';

/** The guard: only the parent of an active link gets anything; everyone else gets 404. */
function requireActiveLink(event: RequestEvent) {
	const user = requireUser(event);
	const linkId = Number(event.params.link);
	const link = Number.isInteger(linkId) ? activeLinkForParent(user.id, linkId) : null;
	if (!link) error(404, 'Not found');
	return link;
}

export const load: PageServerLoad = (event) => {
	const link = requireActiveLink(event);
	const modules = content(getLocale()).modules;
	const completed = familyViewOfYouth(link.youthId, (slug) => modules.get(slug)?.title);
	const talked = talkedAboutCards(link.id);
	return {
		child: { name: link.displayName ?? link.username },
		completed,
		assignments: assignmentTitles(link.youthId, getLocale()),
		agreements: publishedForChild(link.youthId),
		cards: completed.flatMap((c) => {
			const mod = modules.get(c.slug);
			return mod?.cards
				? [
						{
							slug: c.slug,
							title: mod.title,
							track: mod.track,
							cards: mod.cards,
							talked: talked.has(c.slug)
						}
					]
				: [];
		})
	};
};

export const actions: Actions = {
	talt: async (event) => {
		const link = requireActiveLink(event);
		const form = await event.request.formData();
		const slug = field(form, 'module');
		if (
			!familyViewOfYouth(link.youthId, (s) => content('da').modules.get(s)?.title).some(
				(c) => c.slug === slug
			)
		) {
			return fail(400, { talked: null });
		}
		markCardTalkedAbout(link.id, slug, field(form, 'talked') === 'ja');
		return { talked: slug };
	}
};
