ALTER TABLE `credit_records` ADD `repaired_on` text;--> statement-breakpoint
ALTER TABLE `penalties` ADD `repaired_on` text;