CREATE TABLE `report_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`subject_id` text NOT NULL,
	`as_of` text NOT NULL,
	`summary` text NOT NULL,
	`created_at` integer NOT NULL
);
