import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { effectiveRole } from '$lib/server/auth/user';
import { installation } from '$lib/server/installation/settings';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const user = locals.user;
	const { organisation, contact } = installation();
	return {
		operator: { name: organisation.name, contact },
		locale: getLocale(),
		path: url.pathname + url.search,
		user: user && {
			username: user.username,
			role: user.role,
			effectiveRole: effectiveRole(user),
			pending: user.pending
		}
	};
};
