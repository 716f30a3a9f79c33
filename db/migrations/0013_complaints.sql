CREATE TABLE `complaint_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`media_type` text NOT NULL,
	`bytes` blob NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_no` text NOT NULL,
	`access_code_hash` text NOT NULL,
	`district_code` text NOT NULL,
	`project_name` text NOT NULL,
	`subject_id` text,
	`category` text NOT NULL,
	`description` text NOT NULL,
	`occurred_on` text,
	`contact_sealed` text,
	`status` text NOT NULL,
	`refusal_reason` text,
	`reply` text,
	`reply_status` text,
	`reply_by` integer,
	`reply_approved_by` integer,
	`substantiated` integer,
	`ledger_item_id` integer,
	`submitted_at` integer NOT NULL,
	`accepted_at` integer,
	`closed_at` integer,
	`erased_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_receipt_no_unique` ON `complaints` (`receipt_no`);--> statement-breakpoint
CREATE INDEX `complaints_district_idx` ON `complaints` (`district_code`,`status`);--> statement-breakpoint
CREATE TABLE `spent_challenges` (
	`signature` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
