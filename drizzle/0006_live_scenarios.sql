ALTER TABLE `live_sessions` ADD `kind` text DEFAULT 'quiz' NOT NULL;--> statement-breakpoint
ALTER TABLE `live_sessions` ADD `scenario_path` text DEFAULT '[]' NOT NULL;