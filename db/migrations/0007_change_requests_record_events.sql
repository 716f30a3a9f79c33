CREATE TABLE `change_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` text NOT NULL,
	`action` text NOT NULL,
	`values` text,
	`changes` text,
	`base_version` integer,
	`reason` text,
	`district_code` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`submitted_by` integer,
	`reviewed_by` integer,
	`rejection_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `change_requests_status_idx` ON `change_requests` (`status`);--> statement-breakpoint
CREATE INDEX `change_requests_target_idx` ON `change_requests` (`target_kind`,`target_id`);--> statement-breakpoint
CREATE TABLE `record_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`object_type` text NOT NULL,
	`object_id` text NOT NULL,
	`subject_id` text,
	`event` text NOT NULL,
	`on_date` text NOT NULL,
	`reason` text,
	`changes` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `record_events_object_idx` ON `record_events` (`object_type`,`object_id`);--> statement-breakpoint
CREATE INDEX `record_events_subject_idx` ON `record_events` (`subject_id`);--> statement-breakpoint
ALTER TABLE `subjects` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- The public change log is history: like the audit log, it is never rewritten (DESIGN §6).
CREATE TRIGGER `record_events_no_update` BEFORE UPDATE ON `record_events`
BEGIN
  SELECT RAISE(ABORT, 'record_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `record_events_no_delete` BEFORE DELETE ON `record_events`
BEGIN
  SELECT RAISE(ABORT, 'record_events is append-only');
END;
