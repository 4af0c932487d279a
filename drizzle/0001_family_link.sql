CREATE TABLE `card_talks` (
	`link_id` integer NOT NULL,
	`module_slug` text NOT NULL,
	`talked_at` integer NOT NULL,
	FOREIGN KEY (`link_id`) REFERENCES `family_links`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `card_talks_link_module` ON `card_talks` (`link_id`,`module_slug`);--> statement-breakpoint
CREATE TABLE `family_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`youth_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `family_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`youth_id` text NOT NULL,
	`parent_id` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`youth_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `family_links_youth` ON `family_links` (`youth_id`);--> statement-breakpoint
CREATE INDEX `family_links_parent` ON `family_links` (`parent_id`);