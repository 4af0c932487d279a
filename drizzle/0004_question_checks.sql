CREATE TABLE `question_checks` (
	`user_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`question_id` text NOT NULL,
	`answer` text NOT NULL,
	`correct` integer NOT NULL,
	`checked_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `question_checks_user_module_question` ON `question_checks` (`user_id`,`module_slug`,`question_id`);