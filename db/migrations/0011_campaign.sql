CREATE TABLE `ledger_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_code` text NOT NULL,
	`subject_id` text,
	`project_id` integer,
	`source` text NOT NULL,
	`violation_type` text NOT NULL,
	`found_on` text NOT NULL,
	`problem` text NOT NULL,
	`responsible_party` text NOT NULL,
	`measures` text NOT NULL,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`evidence` text,
	`rectified_on` text,
	`rectified_by` integer,
	`closed_out_on` text,
	`closed_out_by` integer,
	`escalated_to` text,
	`escalated_on` text,
	`escalation_ref` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_items_district_idx` ON `ledger_items` (`district_code`,`status`);--> statement-breakpoint
CREATE TABLE `monthly_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_code` text NOT NULL,
	`month` text NOT NULL,
	`figures` text NOT NULL,
	`computed` text NOT NULL,
	`achievements` text NOT NULL,
	`submitted_by` integer,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monthly_returns_district_month` ON `monthly_returns` (`district_code`,`month`);--> statement-breakpoint
CREATE TABLE `observation_projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`citation` text NOT NULL,
	`chosen_on` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observation_projects_project_id_unique` ON `observation_projects` (`project_id`);--> statement-breakpoint
CREATE TABLE `quarterly_summaries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_code` text NOT NULL,
	`quarter` text NOT NULL,
	`work` text NOT NULL,
	`results` text NOT NULL,
	`problems` text NOT NULL,
	`proposals` text NOT NULL,
	`submitted_by` integer,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quarterly_summaries_district_quarter` ON `quarterly_summaries` (`district_code`,`quarter`);