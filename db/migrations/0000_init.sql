CREATE TABLE `credit_list_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_id` text NOT NULL,
	`list` text NOT NULL,
	`reason` text NOT NULL,
	`basis` text NOT NULL,
	`decision_no` text NOT NULL,
	`authority_id` integer NOT NULL,
	`decision_date` text NOT NULL,
	`valid_until` text NOT NULL,
	`measures` text NOT NULL,
	`removal_route` text NOT NULL,
	`removed_on` text,
	`removal_reason` text,
	`status` text DEFAULT 'draft' NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_list_entries_list_idx` ON `credit_list_entries` (`list`,`status`);--> statement-breakpoint
CREATE INDEX `credit_list_entries_subject_idx` ON `credit_list_entries` (`subject_id`);--> statement-breakpoint
CREATE TABLE `credit_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_id` text NOT NULL,
	`kind` text NOT NULL,
	`category` text NOT NULL,
	`title` text NOT NULL,
	`content` text NOT NULL,
	`authority_id` integer NOT NULL,
	`decision_no` text,
	`decision_date` text NOT NULL,
	`severity` text,
	`rule_version` text,
	`repairable_from` text,
	`public_until` text,
	`project_id` integer,
	`penalty_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`penalty_id`) REFERENCES `penalties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_records_subject_idx` ON `credit_records` (`subject_id`);--> statement-breakpoint
CREATE TABLE `authorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`uscc` text,
	`district_code` text,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authorities_name_unique` ON `authorities` (`name`);--> statement-breakpoint
CREATE TABLE `districts` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `listed_supervisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`subject_id` text,
	`district_code` text NOT NULL,
	`violation_type` text,
	`problem` text NOT NULL,
	`authority_id` integer NOT NULL,
	`listed_on` text NOT NULL,
	`deadline` text NOT NULL,
	`progress` text NOT NULL,
	`result` text,
	`closed_out_on` text,
	`status` text DEFAULT 'draft' NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `penalties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_id` text NOT NULL,
	`party_name` text NOT NULL,
	`party_category` text NOT NULL,
	`party_uscc` text,
	`party_registration_no` text,
	`party_org_code` text,
	`party_tax_no` text,
	`party_institution_no` text,
	`party_social_org_no` text,
	`legal_representative` text,
	`decision_no` text NOT NULL,
	`violation_type` text NOT NULL,
	`facts` text NOT NULL,
	`legal_basis` text NOT NULL,
	`categories` text NOT NULL,
	`content` text NOT NULL,
	`fine_fen` integer,
	`confiscated_fen` integer,
	`licence_affected` text,
	`decision_date` text NOT NULL,
	`valid_until` text,
	`authority_id` integer NOT NULL,
	`data_source_id` integer NOT NULL,
	`remark` text,
	`severity` text NOT NULL,
	`rule_version` text NOT NULL,
	`repairable_from` text,
	`public_until` text,
	`district_code` text NOT NULL,
	`project_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`withdrawn_on` text,
	`withdrawal_reason` text,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`data_source_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `penalties_subject_idx` ON `penalties` (`subject_id`);--> statement-breakpoint
CREATE INDEX `penalties_status_date_idx` ON `penalties` (`status`,`decision_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `penalties_authority_decision_no_uq` ON `penalties` (`authority_id`,`decision_no`);--> statement-breakpoint
CREATE TABLE `site_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `project_managements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`company_id` text NOT NULL,
	`since` text NOT NULL,
	`until` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_managements_company_idx` ON `project_managements` (`company_id`);--> statement-breakpoint
CREATE INDEX `project_managements_project_idx` ON `project_managements` (`project_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`district_code` text NOT NULL,
	`address` text NOT NULL,
	`households` integer,
	`developer_id` text,
	`completed_on` text,
	`status` text DEFAULT 'draft' NOT NULL,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`developer_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `subjects` (
	`id` text PRIMARY KEY NOT NULL,
	`uscc` text,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`district_code` text NOT NULL,
	`legal_representative` text,
	`address` text,
	`established_on` text,
	`registered_capital_wan` real,
	`project_id` integer,
	`term_ends_on` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subjects_uscc_unique` ON `subjects` (`uscc`);--> statement-breakpoint
CREATE INDEX `subjects_district_kind_idx` ON `subjects` (`district_code`,`kind`);--> statement-breakpoint
CREATE TABLE `typical_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`subject_id` text NOT NULL,
	`project_id` integer,
	`penalty_id` integer,
	`district_code` text NOT NULL,
	`authority_id` integer NOT NULL,
	`published_on` text NOT NULL,
	`background` text NOT NULL,
	`violation_facts` text NOT NULL,
	`legal_basis` text NOT NULL,
	`outcome` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`penalty_id`) REFERENCES `penalties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_code`) REFERENCES `districts`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE no action
);
