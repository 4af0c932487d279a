import { RateLimiter } from './rate-limiter';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/**
 * Every limit on what one account or one address may create or send, in one place (the README
 * lists them). Each is above what a real person does: a teacher with several classes on a theme
 * day, a hall of 300 behind one school address, a pupil retrying a quiz. A script or a scanner
 * meets them at once.
 */
export const QUOTAS = {
	/** Live sessions one professional has running at the same time. */
	liveSessionsRunning: 3,
	/** Classes one professional creates in 24 hours. */
	classesPerDay: 20,
	/** Theme days one professional creates in 24 hours. */
	themeDaysPerDay: 10,
	/** New join codes one professional makes in an hour. */
	joinCodeRenewalsPerHour: 20,
	/** Family codes one young person makes in an hour. */
	familyCodesPerHour: 10,
	/** Classes one signed-in person joins in a minute (wrong codes have their own limit). */
	classJoinsPerMinute: 20,
	/** Quiz submissions (whole quiz or one checked answer) one signed-in person sends in a minute. */
	quizSubmissionsPerMinute: 60,
	/**
	 * Joining one live session from one address: a bucket of 150 that refills with 25 a second.
	 * A hall of 2,000 behind one school address joins within two minutes; a script joining
	 * faster is slowed down and counted for the professional.
	 */
	liveJoinBurst: 150,
	liveJoinsPerSecond: 25,
	/** A live room without any open stream and without activity for this long leaves memory. */
	idleRoomMinutes: 10,
	/**
	 * Answering one youth poll or voting on one set of agreements by link, from one address: a
	 * bucket of 150 that refills with 5 a second (a year group on one school network answers
	 * within minutes; a script filling in the poll is slowed down). Proposals for agreements: 5
	 * per address and set in an hour, and at most 30 waiting for the professional per set.
	 */
	eveningAnswerBurst: 150,
	eveningAnswersPerSecond: 5,
	agreementProposalsPerHour: 5,
	agreementProposalsWaiting: 30,
	/** Before-and-after measures one professional creates in 24 hours. */
	measuresPerDay: 20,
	/**
	 * Answers to one measure from one address: a bucket of 300 (a hall of parents on the school's
	 * wifi) that refills with one a second, so a script cannot fill a measure with made-up answers.
	 */
	measureAnswerBurst: 300,
	measureAnswersPerSecond: 1
} as const;

export const joinCodeRenewals = new RateLimiter(QUOTAS.joinCodeRenewalsPerHour, HOUR);
export const familyCodeCreations = new RateLimiter(QUOTAS.familyCodesPerHour, HOUR);
export const classJoins = new RateLimiter(QUOTAS.classJoinsPerMinute, MINUTE);
export const quizSubmissions = new RateLimiter(QUOTAS.quizSubmissionsPerMinute, MINUTE);

/** Takes one from a per-minute or per-hour budget: seconds to wait, or 0 when it was allowed. */
export function spend(limiter: RateLimiter, key: string, now = Date.now()): number {
	const wait = limiter.retryAfter(key, now);
	if (wait === 0) limiter.hit(key, now);
	return wait;
}

/**
 * A token bucket: `capacity` at once, refilled at `perSecond`. Used per address for joining a
 * live session, where a whole hall arrives in a burst but keeps a human pace.
 */
export class TokenBucket {
	private readonly buckets = new Map<string, { tokens: number; at: number }>();

	constructor(
		readonly capacity: number,
		readonly perSecond: number
	) {}

	/** True when the key may go ahead now (and takes a token). */
	take(key: string, now = Date.now()): boolean {
		const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
		const tokens = Math.min(this.capacity, b.tokens + ((now - b.at) / 1000) * this.perSecond);
		const allowed = tokens >= 1;
		this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
		if (this.buckets.size > 10_000) this.sweep(now);
		return allowed;
	}

	/** Buckets that have filled up again carry nothing worth keeping. */
	private sweep(now: number): void {
		for (const [key, b] of this.buckets)
			if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.capacity)
				this.buckets.delete(key);
	}
}
