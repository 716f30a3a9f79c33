CREATE TABLE `repair_application_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`material` text NOT NULL,
	`media_type` text NOT NULL,
	`bytes` blob NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `repair_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `repair_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_no` text NOT NULL,
	`access_code_hash` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`district_code` text NOT NULL,
	`applicant_role` text NOT NULL,
	`contact_sealed` text,
	`change_request_id` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`erased_at` integer,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repair_applications_receipt_no_unique` ON `repair_applications` (`receipt_no`);