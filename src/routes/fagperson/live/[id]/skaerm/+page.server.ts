import type { PageServerLoad } from './$types';
import { joinAddress, requireLiveOwner } from '$lib/server/live/guard';
import { qrDataUrl } from '$lib/server/classes/qr';
import { MINIMUM_GROUP_SIZE } from '$lib/server/measures/minimum-group';

export const load: PageServerLoad = async (event) => {
	const room = requireLiveOwner(event, event.params.id);
	const join = joinAddress(event.url);
	return {
		id: room.id,
		host: room.hostView(false),
		join,
		qr: await qrDataUrl(`${join.href}?kode=${room.code}`),
		projector: true,
		minimum: MINIMUM_GROUP_SIZE
	};
};
