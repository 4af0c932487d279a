CREATE TABLE `professional_applications` (
	`user_id` text PRIMARY KEY NOT NULL,
	`workplace` text NOT NULL,
	`municipality` text NOT NULL,
	`status` text NOT NULL,
	`decline_reason` text,
	`submitted_at` integer NOT NULL,
	`decided_at` integer,
	`welcomed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `professional_applications_status` ON `professional_applications` (`status`,`submitted_at`);