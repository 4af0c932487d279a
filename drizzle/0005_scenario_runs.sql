CREATE TABLE `scenario_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`scenario_slug` text NOT NULL,
	`path` text NOT NULL,
	`ending_step` text NOT NULL,
	`completed_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scenario_runs_user` ON `scenario_runs` (`user_id`,`scenario_slug`);