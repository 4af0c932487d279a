import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { classes, liveSessions, themeDays, users } from './schema';

/*
 * The theme-day evening (issue 18): the young people's anonymous poll, the parent evening's
 * live session, and the agreements a class, year group or theme day votes for. Answers and
 * votes are kept as counts only; the participation markers beside them hold no answer.
 */

const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

/** "De unges stemmer": a poll a professional opens for a theme day or a class. */
export const youthPolls = sqliteTable(
	'youth_polls',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		themeDayId: text('theme_day_id').references(() => themeDays.id, { onDelete: 'cascade' }),
		classId: text('class_id').references(() => classes.id, { onDelete: 'cascade' }),
		/** The code in the poll's link (/stemmer/<code>) and QR code. */
		code: text('code').notNull(),
		/** The questions from content/da/stemmer, in the order asked. */
		questionIds: text('question_ids', { mode: 'json' }).$type<string[]>().notNull(),
		createdAt: timestamp('created_at').notNull(),
		closedAt: timestamp('closed_at'),
		/** When the participation markers were deleted (24 hours after closing). */
		tokensPurgedAt: timestamp('tokens_purged_at')
	},
	(t) => [uniqueIndex('youth_polls_code').on(t.code), index('youth_polls_owner').on(t.ownerId)]
);

/** How many chose each option: the only record of what the young people answered. */
export const youthPollCounts = sqliteTable(
	'youth_poll_counts',
	{
		pollId: text('poll_id')
			.notNull()
			.references(() => youthPolls.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		optionId: text('option_id').notNull(),
		count: integer('count').notNull().default(0)
	},
	(t) => [uniqueIndex('youth_poll_counts_key').on(t.pollId, t.questionId, t.optionId)]
);

/** A browser that has answered a poll: the hash of its one-time token, never what it answered. */
export const youthPollTokens = sqliteTable(
	'youth_poll_tokens',
	{
		pollId: text('poll_id')
			.notNull()
			.references(() => youthPolls.id, { onDelete: 'cascade' }),
		tokenHash: blob('token_hash', { mode: 'buffer' }).notNull(),
		answeredAt: timestamp('answered_at').notNull()
	},
	(t) => [uniqueIndex('youth_poll_tokens_key').on(t.pollId, t.tokenHash)]
);

/** What a youth poll or parent evening live session runs: its poll and its dilemmas. */
export const eveningSessions = sqliteTable('evening_sessions', {
	sessionId: text('session_id')
		.primaryKey()
		.references(() => liveSessions.id, { onDelete: 'cascade' }),
	pollId: text('poll_id').references(() => youthPolls.id, { onDelete: 'cascade' }),
	/** The dilemmas from content/da/dilemmaer voted on after the guesses (parent evening). */
	dilemmaIds: text('dilemma_ids', { mode: 'json' }).$type<string[]>().notNull()
});

/** "Vores aftaler" for a theme day, a class or a year group (then only its name). */
export const agreementSets = sqliteTable(
	'agreement_sets',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		themeDayId: text('theme_day_id').references(() => themeDays.id, { onDelete: 'cascade' }),
		classId: text('class_id').references(() => classes.id, { onDelete: 'cascade' }),
		/** For a year group: its name, e.g. "7. årgang på Herlev Skole". */
		yearGroup: text('year_group'),
		/** The code in the link people vote at and later read the agreements at. */
		code: text('code').notNull(),
		createdAt: timestamp('created_at').notNull(),
		/** Published: voting is closed and the agreements with a majority are shown. */
		publishedAt: timestamp('published_at'),
		ballotsPurgedAt: timestamp('ballots_purged_at')
	},
	(t) => [
		uniqueIndex('agreement_sets_code').on(t.code),
		index('agreement_sets_owner').on(t.ownerId),
		index('agreement_sets_theme_day').on(t.themeDayId),
		index('agreement_sets_class').on(t.classId)
	]
);

export const agreements = sqliteTable(
	'agreements',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		setId: text('set_id')
			.notNull()
			.references(() => agreementSets.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		/** The suggestion in content/da/aftaler it came from, if any. */
		libraryId: text('library_id'),
		/** Proposed by a participant: shown to no one but the professional until approved. */
		proposed: integer('proposed', { mode: 'boolean' }).notNull().default(false),
		approvedAt: timestamp('approved_at'),
		yes: integer('yes').notNull().default(0),
		no: integer('no').notNull().default(0),
		position: integer('position').notNull(),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [index('agreements_set').on(t.setId)]
);

/** A browser that has voted on an agreement: its token's hash, never how it voted. */
export const agreementBallots = sqliteTable(
	'agreement_ballots',
	{
		agreementId: integer('agreement_id')
			.notNull()
			.references(() => agreements.id, { onDelete: 'cascade' }),
		setId: text('set_id')
			.notNull()
			.references(() => agreementSets.id, { onDelete: 'cascade' }),
		tokenHash: blob('token_hash', { mode: 'buffer' }).notNull()
	},
	(t) => [
		uniqueIndex('agreement_ballots_key').on(t.agreementId, t.tokenHash),
		index('agreement_ballots_set').on(t.setId)
	]
);
