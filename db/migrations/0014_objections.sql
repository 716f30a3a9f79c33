CREATE TABLE `objection_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`objection_id` integer NOT NULL,
	`media_type` text NOT NULL,
	`bytes` blob NOT NULL,
	FOREIGN KEY (`objection_id`) REFERENCES `objections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_no` text NOT NULL,
	`access_code_hash` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`subject_id` text,
	`district_code` text NOT NULL,
	`objector_role` text NOT NULL,
	`reason` text NOT NULL,
	`contact_sealed` text,
	`status` text NOT NULL,
	`refusal_reason` text,
	`outcome` text,
	`change_request_id` integer,
	`reply` text,
	`reply_status` text,
	`reply_by` integer,
	`reply_approved_by` integer,
	`submitted_at` integer NOT NULL,
	`accepted_at` integer,
	`closed_at` integer,
	`erased_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `objections_receipt_no_unique` ON `objections` (`receipt_no`);--> statement-breakpoint
CREATE INDEX `objections_district_idx` ON `objections` (`district_code`,`status`);--> statement-breakpoint
CREATE INDEX `objections_record_idx` ON `objections` (`record_type`,`record_id`);