ALTER TABLE `listed_supervisions` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `listed_supervisions` ADD `created_by` integer;--> statement-breakpoint
ALTER TABLE `listed_supervisions` ADD `submitted_by` integer;--> statement-breakpoint
ALTER TABLE `listed_supervisions` ADD `reviewed_by` integer;--> statement-breakpoint
ALTER TABLE `listed_supervisions` ADD `rejection_reason` text;--> statement-breakpoint
ALTER TABLE `listed_supervisions` ADD `withdrawn_on` text;--> statement-breakpoint
ALTER TABLE `listed_supervisions` ADD `withdrawal_reason` text;--> statement-breakpoint
ALTER TABLE `listed_supervisions` ADD `result_by` integer;