ALTER TABLE `typical_cases` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `typical_cases` ADD `created_by` integer;--> statement-breakpoint
ALTER TABLE `typical_cases` ADD `submitted_by` integer;--> statement-breakpoint
ALTER TABLE `typical_cases` ADD `reviewed_by` integer;--> statement-breakpoint
ALTER TABLE `typical_cases` ADD `rejection_reason` text;--> statement-breakpoint
ALTER TABLE `typical_cases` ADD `withdrawn_on` text;--> statement-breakpoint
ALTER TABLE `typical_cases` ADD `withdrawal_reason` text;