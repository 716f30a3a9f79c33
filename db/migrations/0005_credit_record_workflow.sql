ALTER TABLE `credit_records` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `credit_records` ADD `created_by` integer;--> statement-breakpoint
ALTER TABLE `credit_records` ADD `submitted_by` integer;--> statement-breakpoint
ALTER TABLE `credit_records` ADD `reviewed_by` integer;--> statement-breakpoint
ALTER TABLE `credit_records` ADD `rejection_reason` text;--> statement-breakpoint
ALTER TABLE `credit_records` ADD `withdrawn_on` text;--> statement-breakpoint
ALTER TABLE `credit_records` ADD `withdrawal_reason` text;