/**
 * A family link between a young person and a parent:
 * requested (parent entered the code) → active (the young person confirmed) → ended,
 * or requested → declined. Ended and declined are final; a new code starts a new link.
 */
export type LinkStatus = 'requested' | 'active' | 'declined' | 'ended';
export type LinkAction = 'confirm' | 'decline' | 'end';

const TRANSITIONS: Record<LinkStatus, Partial<Record<LinkAction, LinkStatus>>> = {
	requested: { confirm: 'active', decline: 'declined', end: 'ended' },
	active: { end: 'ended' },
	declined: {},
	ended: {}
};

/** The status after the action, or null when the action is not allowed now. */
export function nextLinkStatus(current: LinkStatus, action: LinkAction): LinkStatus | null {
	return TRANSITIONS[current][action] ?? null;
}

/** A young person may have at most this many parents following along. */
export const MAX_PARENTS_PER_YOUTH = 2;
