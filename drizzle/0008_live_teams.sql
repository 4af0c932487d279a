ALTER TABLE `live_participants` ADD `team_size` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `live_sessions` ADD `teams` integer DEFAULT false NOT NULL;