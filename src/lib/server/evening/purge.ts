import { purgeBallots } from '../agreements/store';
import { purgePollTokens } from './poll-store';

/**
 * The job: participation markers (which browser answered a poll or voted on an agreement) are
 * deleted 24 hours after the poll closed or the agreements were published; the counts stay.
 */
export function purgeEveningMarkers(now = new Date()): {
	polls: string[];
	agreementSets: string[];
} {
	return { polls: purgePollTokens(now), agreementSets: purgeBallots(now) };
}
