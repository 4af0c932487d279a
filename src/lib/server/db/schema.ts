import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, blob, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Milliseconds since the epoch, stored as an integer. */
const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		username: text('username').notNull(),
		/** Lower-cased username: uniqueness is case-insensitive. */
		usernameKey: text('username_key').notNull(),
		displayName: text('display_name'),
		passwordHash: text('password_hash').notNull(),
		role: text('role', {
			enum: ['youth', 'parent', 'professional', 'coordinator', 'admin']
		}).notNull(),
		/** Only for professionals and coordinators: pending until an administrator approves. */
		approvedAt: timestamp('approved_at'),
		createdAt: timestamp('created_at').notNull(),
		lastActiveAt: timestamp('last_active_at').notNull()
	},
	(t) => [uniqueIndex('users_username_key').on(t.usernameKey)]
);

/**
 * What a person who signs up as a professional tells the administrator (workplace and
 * municipality), and the administrator's decision. Accounts made before applications existed
 * have no row.
 */
export const professionalApplications = sqliteTable(
	'professional_applications',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		workplace: text('workplace').notNull(),
		/** One of Denmark's 98 municipalities (src/lib/municipalities.ts). */
		municipality: text('municipality').notNull(),
		status: text('status', { enum: ['pending', 'approved', 'declined'] }).notNull(),
		/** The administrator's reason, shown to the applicant; only when declined. */
		declineReason: text('decline_reason'),
		submittedAt: timestamp('submitted_at').notNull(),
		decidedAt: timestamp('decided_at'),
		/** When the approved professional put away the welcome on /fagperson. */
		welcomedAt: timestamp('welcomed_at')
	},
	(t) => [index('professional_applications_status').on(t.status, t.submittedAt)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		createdAt: timestamp('created_at').notNull(),
		expiresAt: timestamp('expires_at').notNull()
	},
	(t) => [index('sessions_user').on(t.userId)]
);

export const moduleProgress = sqliteTable(
	'module_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		firstOpenedAt: timestamp('first_opened_at').notNull(),
		lastOpenedAt: timestamp('last_opened_at').notNull(),
		completedAt: timestamp('completed_at'),
		bestScore: integer('best_score'),
		attempts: integer('attempts').notNull().default(0),
		/** The furthest step of the lesson the person has opened (1-based); null before step 2. */
		lessonStep: integer('lesson_step')
	},
	(t) => [uniqueIndex('module_progress_user_module').on(t.userId, t.moduleSlug)]
);

export const quizAttempts = sqliteTable(
	'quiz_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		correctCount: integer('correct_count').notNull(),
		questionCount: integer('question_count').notNull(),
		score: integer('score').notNull(),
		passed: integer('passed', { mode: 'boolean' }).notNull(),
		/** Imported from a visit before the account existed: no per-question answers. */
		fromVisit: integer('from_visit', { mode: 'boolean' }).notNull().default(false),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [index('quiz_attempts_user_module').on(t.userId, t.moduleSlug)]
);

export const attemptAnswers = sqliteTable(
	'attempt_answers',
	{
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => quizAttempts.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		/** Chosen option ids, in order for ordering questions, as JSON. */
		answer: text('answer', { mode: 'json' }).$type<string[]>().notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull()
	},
	(t) => [uniqueIndex('attempt_answers_attempt_question').on(t.attemptId, t.questionId)]
);

/**
 * The first answer a person checked for a question (the step-by-step quiz) before their first
 * submission of the module's quiz: the class analysis counts it, not a corrected final answer.
 */
export const questionChecks = sqliteTable(
	'question_checks',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		questionId: text('question_id').notNull(),
		/** Chosen option ids, in order for ordering questions, as JSON. */
		answer: text('answer', { mode: 'json' }).$type<string[]>().notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		checkedAt: timestamp('checked_at').notNull()
	},
	(t) => [
		uniqueIndex('question_checks_user_module_question').on(t.userId, t.moduleSlug, t.questionId)
	]
);

/** A practice scenario played to an ending by a signed-in person: the path and the ending. */
export const scenarioRuns = sqliteTable(
	'scenario_runs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		scenarioSlug: text('scenario_slug').notNull(),
		/** The replies chosen, as indexes into each step's choices, as JSON. */
		path: text('path', { mode: 'json' }).$type<number[]>().notNull(),
		endingStep: text('ending_step').notNull(),
		completedAt: timestamp('completed_at').notNull()
	},
	(t) => [index('scenario_runs_user').on(t.userId, t.scenarioSlug)]
);

/** Key/value settings the server creates itself, such as the signing key. */
export const serverSettings = sqliteTable('server_settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	createdAt: timestamp('created_at')
		.notNull()
		.default(sql`(unixepoch() * 1000)`)
});

/** A young person's one-time code that a parent enters to ask to follow along. */
export const familyCodes = sqliteTable('family_codes', {
	code: text('code').primaryKey(),
	youthId: text('youth_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	createdAt: timestamp('created_at').notNull(),
	expiresAt: timestamp('expires_at').notNull(),
	usedAt: timestamp('used_at')
});

export const familyLinks = sqliteTable(
	'family_links',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		parentId: text('parent_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		status: text('status', { enum: ['requested', 'active', 'declined', 'ended'] }).notNull(),
		createdAt: timestamp('created_at').notNull(),
		decidedAt: timestamp('decided_at'),
		endedAt: timestamp('ended_at')
	},
	(t) => [index('family_links_youth').on(t.youthId), index('family_links_parent').on(t.parentId)]
);

/** A parent's note that a conversation card has been talked about with the child. */
export const cardTalks = sqliteTable(
	'card_talks',
	{
		linkId: integer('link_id')
			.notNull()
			.references(() => familyLinks.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		talkedAt: timestamp('talked_at').notNull()
	},
	(t) => [uniqueIndex('card_talks_link_module').on(t.linkId, t.moduleSlug)]
);

export const classes = sqliteTable(
	'classes',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		school: text('school').notNull(),
		ageGroup: text('age_group').notNull(),
		joinCode: text('join_code').notNull(),
		joiningOpen: integer('joining_open', { mode: 'boolean' }).notNull().default(true),
		createdAt: timestamp('created_at').notNull(),
		archivedAt: timestamp('archived_at')
	},
	(t) => [
		index('classes_owner').on(t.ownerId),
		// A join code is unique among the classes that are still in use.
		uniqueIndex('classes_active_join_code')
			.on(t.joinCode)
			.where(sql`archived_at is null`)
	]
);

export const classMembers = sqliteTable(
	'class_members',
	{
		classId: text('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The name the teacher sees in this class; the pupil's username until renamed. */
		displayName: text('display_name').notNull(),
		joinedAt: timestamp('joined_at').notNull()
	},
	(t) => [
		uniqueIndex('class_members_class_user').on(t.classId, t.userId),
		index('class_members_user').on(t.userId)
	]
);

export const assignments = sqliteTable(
	'assignments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		classId: text('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		/** YYYY-MM-DD, the last day (Europe/Copenhagen), or null. */
		dueDate: text('due_date'),
		note: text('note'),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [uniqueIndex('assignments_class_module').on(t.classId, t.moduleSlug)]
);

/** A one-time code a teacher gives a pupil who forgot the password; only its hash is kept. */
export const passwordResetCodes = sqliteTable('password_reset_codes', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	codeHash: blob('code_hash', { mode: 'buffer' }).notNull(),
	createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
	expiresAt: timestamp('expires_at').notNull()
});

/** A theme day (temadag) a professional organises; visible to everyone once published. */
export const themeDays = sqliteTable(
	'theme_days',
	{
		id: text('id').primaryKey(),
		/** Public address: /temadage/<slug>. */
		slug: text('slug').notNull(),
		organiserId: text('organiser_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		startsAt: timestamp('starts_at').notNull(),
		endsAt: timestamp('ends_at').notNull(),
		place: text('place').notNull(),
		municipality: text('municipality').notNull(),
		audience: text('audience', { enum: ['unge', 'foraeldre', 'begge'] }).notNull(),
		/** Markdown as the organiser typed it; rendered and sanitised when shown. */
		description: text('description').notNull(),
		/** JSON arrays of module slugs, in programme order. */
		youthProgramme: text('youth_programme').notNull().default('[]'),
		parentProgramme: text('parent_programme').notNull().default('[]'),
		/** The organiser's public contact (name, phone or address of the office). */
		contact: text('contact').notNull(),
		publishedAt: timestamp('published_at'),
		cancelledAt: timestamp('cancelled_at'),
		createdAt: timestamp('created_at').notNull(),
		updatedAt: timestamp('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('theme_days_slug').on(t.slug),
		index('theme_days_organiser').on(t.organiserId),
		index('theme_days_starts').on(t.startsAt)
	]
);

/** A live quiz a professional runs in a hall; participants join with a 6-digit code. */
export const liveSessions = sqliteTable(
	'live_sessions',
	{
		id: text('id').primaryKey(),
		code: text('code').notNull(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		track: text('track').notNull(),
		/** A module's quiz, a practice scenario voted on together, a youth poll or a parent evening. */
		kind: text('kind', { enum: ['quiz', 'scenario', 'poll', 'evening'] })
			.notNull()
			.default('quiz'),
		/** The module's slug, or the scenario's. */
		moduleSlug: text('module_slug').notNull(),
		/** Scenario sessions: the replies chosen so far, as indexes into each step's choices. */
		scenarioPath: text('scenario_path', { mode: 'json' }).$type<number[]>().notNull().default([]),
		/** Locked: nobody new may join. */
		locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
		/** Participants pick a generated nickname; nothing typed reaches the projector. */
		generatedNames: integer('generated_names', { mode: 'boolean' }).notNull().default(false),
		/** The projector shows how many chose what only once the answer is revealed. */
		hideCounts: integer('hide_counts', { mode: 'boolean' }).notNull().default(false),
		/** Teams: each participant is a group of pupils on one shared device, answering together. */
		teams: integer('teams', { mode: 'boolean' }).notNull().default(false),
		themeDayId: text('theme_day_id').references(() => themeDays.id, { onDelete: 'set null' }),
		state: text('state', { enum: ['waiting', 'question', 'revealed', 'ended'] }).notNull(),
		/** -1 while waiting; then the index of the current question. */
		questionIndex: integer('question_index').notNull().default(-1),
		/** Seed for the option order everyone in the session sees. */
		shuffleSeed: text('shuffle_seed').notNull(),
		createdAt: timestamp('created_at').notNull(),
		endedAt: timestamp('ended_at'),
		/** When nicknames and answers were deleted (24 hours after the end). */
		purgedAt: timestamp('purged_at')
	},
	(t) => [
		index('live_sessions_owner').on(t.ownerId),
		// A code is unique among the sessions that are still running.
		uniqueIndex('live_sessions_running_code')
			.on(t.code)
			.where(sql`ended_at is null`)
	]
);

export const liveParticipants = sqliteTable(
	'live_participants',
	{
		id: text('id').primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => liveSessions.id, { onDelete: 'cascade' }),
		nickname: text('nickname').notNull(),
		/** Lower-cased nickname: unique within a session. */
		nicknameKey: text('nickname_key').notNull(),
		/** SHA-256 of the secret in the participant's cookie. */
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		joinedAt: timestamp('joined_at').notNull(),
		/** Removed by the professional: their answers no longer count. */
		removedAt: timestamp('removed_at'),
		/** In a team session: how many pupils share this device (1 otherwise). */
		teamSize: integer('team_size').notNull().default(1)
	},
	(t) => [uniqueIndex('live_participants_session_nickname').on(t.sessionId, t.nicknameKey)]
);

export const liveAnswers = sqliteTable(
	'live_answers',
	{
		participantId: text('participant_id')
			.notNull()
			.references(() => liveParticipants.id, { onDelete: 'cascade' }),
		sessionId: text('session_id')
			.notNull()
			.references(() => liveSessions.id, { onDelete: 'cascade' }),
		questionIndex: integer('question_index').notNull(),
		/** JSON: the option ids chosen (in order, for ordering questions). */
		answer: text('answer').notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		answeredAt: timestamp('answered_at').notNull()
	},
	(t) => [
		uniqueIndex('live_answers_participant_question').on(t.participantId, t.questionIndex),
		index('live_answers_session').on(t.sessionId)
	]
);

/** Anonymous answer counts per option; kept for the professional after the purge. */
export const liveAnswerCounts = sqliteTable(
	'live_answer_counts',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => liveSessions.id, { onDelete: 'cascade' }),
		questionIndex: integer('question_index').notNull(),
		/** An option id, or 'correct' / 'incorrect' for ordering questions. */
		optionKey: text('option_key').notNull(),
		count: integer('count').notNull().default(0)
	},
	(t) => [uniqueIndex('live_answer_counts_key').on(t.sessionId, t.questionIndex, t.optionKey)]
);

export * from './evening-schema';
/**
 * An anonymous before-and-after measure (content/<locale>/maalinger) a professional attaches to
 * one of their class assignments or theme days. Participants answer at /maaling/<code>.
 */
export const measures = sqliteTable(
	'measures',
	{
		id: text('id').primaryKey(),
		/** What participants type at /maaling; unique among the measures that are not closed. */
		code: text('code').notNull(),
		/** The measure's questions: content/<locale>/maalinger/<slug>.yaml. */
		measureSlug: text('measure_slug').notNull(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Exactly one of these two: what the measure belongs to. */
		assignmentId: integer('assignment_id').references(() => assignments.id, {
			onDelete: 'cascade'
		}),
		themeDayId: text('theme_day_id').references(() => themeDays.id, { onDelete: 'cascade' }),
		/** Which answers are taken now; once closed, nobody answers and every token is gone. */
		phase: text('phase', { enum: ['before', 'after', 'closed'] }).notNull(),
		createdAt: timestamp('created_at').notNull(),
		afterOpenedAt: timestamp('after_opened_at'),
		closedAt: timestamp('closed_at')
	},
	(t) => [
		index('measures_owner').on(t.ownerId),
		uniqueIndex('measures_open_code')
			.on(t.code)
			.where(sql`phase <> 'closed'`)
	]
);

/**
 * One anonymous participant of a measure: their before-answers and after-answers belong together
 * through the hash of a random token their browser (cookie) or account keeps for this measure
 * only. The hash is removed when the measure closes; the pairing stays, the person cannot be
 * found again.
 */
export const measureParticipants = sqliteTable(
	'measure_participants',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		measureId: text('measure_id')
			.notNull()
			.references(() => measures.id, { onDelete: 'cascade' }),
		tokenHash: blob('token_hash', { mode: 'buffer' }),
		beforeAt: timestamp('before_at'),
		afterAt: timestamp('after_at')
	},
	(t) => [uniqueIndex('measure_participants_token').on(t.measureId, t.tokenHash)]
);

/** An answer: 1 or 0 for a knowledge question (right or not), 1–5 on a scale. */
export const measureAnswers = sqliteTable(
	'measure_answers',
	{
		participantId: integer('participant_id')
			.notNull()
			.references(() => measureParticipants.id, { onDelete: 'cascade' }),
		phase: text('phase', { enum: ['before', 'after'] }).notNull(),
		questionId: text('question_id').notNull(),
		value: integer('value').notNull()
	},
	(t) => [uniqueIndex('measure_answers_key').on(t.participantId, t.phase, t.questionId)]
);

/**
 * A signed-in participant's token for one measure, so answers given on a school computer and on
 * an iPad pair up. Deleted with the account, and for everyone when the measure closes.
 */
export const measureAccountTokens = sqliteTable(
	'measure_account_tokens',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		measureId: text('measure_id')
			.notNull()
			.references(() => measures.id, { onDelete: 'cascade' }),
		token: text('token').notNull()
	},
	(t) => [
		uniqueIndex('measure_account_tokens_key').on(t.userId, t.measureId),
		index('measure_account_tokens_measure').on(t.measureId)
	]
);
