CREATE TABLE `measure_account_tokens` (
	`user_id` text NOT NULL,
	`measure_id` text NOT NULL,
	`token` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measure_account_tokens_key` ON `measure_account_tokens` (`user_id`,`measure_id`);--> statement-breakpoint
CREATE INDEX `measure_account_tokens_measure` ON `measure_account_tokens` (`measure_id`);--> statement-breakpoint
CREATE TABLE `measure_answers` (
	`participant_id` integer NOT NULL,
	`phase` text NOT NULL,
	`question_id` text NOT NULL,
	`value` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `measure_participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measure_answers_key` ON `measure_answers` (`participant_id`,`phase`,`question_id`);--> statement-breakpoint
CREATE TABLE `measure_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` text NOT NULL,
	`token_hash` blob,
	`before_at` integer,
	`after_at` integer,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measure_participants_token` ON `measure_participants` (`measure_id`,`token_hash`);--> statement-breakpoint
CREATE TABLE `measures` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`measure_slug` text NOT NULL,
	`owner_id` text NOT NULL,
	`assignment_id` integer,
	`theme_day_id` text,
	`phase` text NOT NULL,
	`created_at` integer NOT NULL,
	`after_opened_at` integer,
	`closed_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_day_id`) REFERENCES `theme_days`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `measures_owner` ON `measures` (`owner_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `measures_open_code` ON `measures` (`code`) WHERE phase <> 'closed';