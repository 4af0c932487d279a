CREATE TABLE `agreement_ballots` (
	`agreement_id` integer NOT NULL,
	`set_id` text NOT NULL,
	`token_hash` blob NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_id`) REFERENCES `agreement_sets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_ballots_key` ON `agreement_ballots` (`agreement_id`,`token_hash`);--> statement-breakpoint
CREATE INDEX `agreement_ballots_set` ON `agreement_ballots` (`set_id`);--> statement-breakpoint
CREATE TABLE `agreement_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`theme_day_id` text,
	`class_id` text,
	`year_group` text,
	`code` text NOT NULL,
	`created_at` integer NOT NULL,
	`published_at` integer,
	`ballots_purged_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_day_id`) REFERENCES `theme_days`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_sets_code` ON `agreement_sets` (`code`);--> statement-breakpoint
CREATE INDEX `agreement_sets_owner` ON `agreement_sets` (`owner_id`);--> statement-breakpoint
CREATE INDEX `agreement_sets_theme_day` ON `agreement_sets` (`theme_day_id`);--> statement-breakpoint
CREATE INDEX `agreement_sets_class` ON `agreement_sets` (`class_id`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`set_id` text NOT NULL,
	`text` text NOT NULL,
	`library_id` text,
	`proposed` integer DEFAULT false NOT NULL,
	`approved_at` integer,
	`yes` integer DEFAULT 0 NOT NULL,
	`no` integer DEFAULT 0 NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`set_id`) REFERENCES `agreement_sets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agreements_set` ON `agreements` (`set_id`);--> statement-breakpoint
CREATE TABLE `evening_sessions` (
	`session_id` text PRIMARY KEY NOT NULL,
	`poll_id` text,
	`dilemma_ids` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `live_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`poll_id`) REFERENCES `youth_polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `youth_poll_counts` (
	`poll_id` text NOT NULL,
	`question_id` text NOT NULL,
	`option_id` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `youth_polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `youth_poll_counts_key` ON `youth_poll_counts` (`poll_id`,`question_id`,`option_id`);--> statement-breakpoint
CREATE TABLE `youth_poll_tokens` (
	`poll_id` text NOT NULL,
	`token_hash` blob NOT NULL,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `youth_polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `youth_poll_tokens_key` ON `youth_poll_tokens` (`poll_id`,`token_hash`);--> statement-breakpoint
CREATE TABLE `youth_polls` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`theme_day_id` text,
	`class_id` text,
	`code` text NOT NULL,
	`question_ids` text NOT NULL,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	`tokens_purged_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_day_id`) REFERENCES `theme_days`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `youth_polls_code` ON `youth_polls` (`code`);--> statement-breakpoint
CREATE INDEX `youth_polls_owner` ON `youth_polls` (`owner_id`);