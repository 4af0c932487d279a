ALTER TABLE `live_participants` ADD `removed_at` integer;--> statement-breakpoint
ALTER TABLE `live_sessions` ADD `locked` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `live_sessions` ADD `generated_names` integer DEFAULT false NOT NULL;