CREATE TABLE `demo_records` (
	`object_type` text NOT NULL,
	`object_id` text NOT NULL,
	PRIMARY KEY(`object_type`, `object_id`)
);
--> statement-breakpoint
-- The public change log stays append-only, except for the lines about seeded 示例数据 that
-- `npm run demo:remove` deletes with their records (their objects are in demo_records then).
DROP TRIGGER `record_events_no_delete`;
--> statement-breakpoint
CREATE TRIGGER `record_events_no_delete` BEFORE DELETE ON `record_events`
WHEN NOT EXISTS (SELECT 1 FROM `demo_records` d WHERE d.`object_type` = OLD.`object_type` AND d.`object_id` = OLD.`object_id`)
  AND NOT EXISTS (SELECT 1 FROM `demo_records` d WHERE d.`object_type` = 'subject' AND d.`object_id` = OLD.`subject_id`)
BEGIN
  SELECT RAISE(ABORT, 'record_events is append-only');
END;
