CREATE TABLE `live_answer_counts` (
	`session_id` text NOT NULL,
	`question_index` integer NOT NULL,
	`option_key` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `live_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_answer_counts_key` ON `live_answer_counts` (`session_id`,`question_index`,`option_key`);--> statement-breakpoint
CREATE TABLE `live_answers` (
	`participant_id` text NOT NULL,
	`session_id` text NOT NULL,
	`question_index` integer NOT NULL,
	`answer` text NOT NULL,
	`correct` integer NOT NULL,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `live_participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `live_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_answers_participant_question` ON `live_answers` (`participant_id`,`question_index`);--> statement-breakpoint
CREATE INDEX `live_answers_session` ON `live_answers` (`session_id`);--> statement-breakpoint
CREATE TABLE `live_participants` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`nickname` text NOT NULL,
	`nickname_key` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`joined_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `live_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_participants_session_nickname` ON `live_participants` (`session_id`,`nickname_key`);--> statement-breakpoint
CREATE TABLE `live_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`owner_id` text NOT NULL,
	`track` text NOT NULL,
	`module_slug` text NOT NULL,
	`theme_day_id` text,
	`state` text NOT NULL,
	`question_index` integer DEFAULT -1 NOT NULL,
	`shuffle_seed` text NOT NULL,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	`purged_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_day_id`) REFERENCES `theme_days`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `live_sessions_owner` ON `live_sessions` (`owner_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `live_sessions_running_code` ON `live_sessions` (`code`) WHERE ended_at is null;--> statement-breakpoint
CREATE TABLE `theme_days` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`organiser_id` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`place` text NOT NULL,
	`municipality` text NOT NULL,
	`audience` text NOT NULL,
	`description` text NOT NULL,
	`youth_programme` text DEFAULT '[]' NOT NULL,
	`parent_programme` text DEFAULT '[]' NOT NULL,
	`contact` text NOT NULL,
	`published_at` integer,
	`cancelled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organiser_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `theme_days_slug` ON `theme_days` (`slug`);--> statement-breakpoint
CREATE INDEX `theme_days_organiser` ON `theme_days` (`organiser_id`);--> statement-breakpoint
CREATE INDEX `theme_days_starts` ON `theme_days` (`starts_at`);