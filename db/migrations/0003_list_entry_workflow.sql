ALTER TABLE `credit_list_entries` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `credit_list_entries` ADD `created_by` integer;--> statement-breakpoint
ALTER TABLE `credit_list_entries` ADD `submitted_by` integer;--> statement-breakpoint
ALTER TABLE `credit_list_entries` ADD `reviewed_by` integer;--> statement-breakpoint
ALTER TABLE `credit_list_entries` ADD `rejection_reason` text;