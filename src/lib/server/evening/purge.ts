import { purgeBallots } from '../agreements/store';
import { closeStalePolls, purgePollTokens } from './poll-store';

/**
 * The job: participation markers (which browser answered a poll or voted on an agreement) are
 * deleted 24 hours after the poll closed or the agreements were published; the counts stay.
 * A poll nobody closes closes by itself after POLL_MAX_OPEN_DAYS, so its markers go too.
 */
export function purgeEveningMarkers(now = new Date()): {
	polls: string[];
	agreementSets: string[];
} {
	closeStalePolls(now);
	return { polls: purgePollTokens(now), agreementSets: purgeBallots(now) };
}
