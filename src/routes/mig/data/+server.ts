import { error, type RequestHandler } from '@sveltejs/kit';
import { exportUserData } from '$lib/server/account/data-export';
import { requireUser } from '$lib/server/auth/guards';

export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const data = exportUserData(user.id);
	if (!data) error(404, 'Not found');
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="sammen-paa-nettet.json"; filename*=UTF-8''${encodeURIComponent(`sammen-paa-nettet-${data.account.username}.json`)}`,
			'Cache-Control': 'no-store'
		}
	});
};
