CREATE TABLE `coupon_redemptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`coupon_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`payment_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`coupon_id`) REFERENCES `coupons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idx_coupon_redemptions_coupon_user` ON `coupon_redemptions` (`coupon_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `idx_coupon_redemptions_payment` ON `coupon_redemptions` (`payment_id`);--> statement-breakpoint
CREATE TABLE `coupons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text(40) NOT NULL,
	`discount_type` text(10) NOT NULL,
	`discount_value` integer NOT NULL,
	`valid_from` integer,
	`valid_until` integer,
	`max_uses` integer,
	`per_user_limit` integer DEFAULT 1 NOT NULL,
	`used_count` integer DEFAULT 0 NOT NULL,
	`course_id` integer,
	`min_price_cents` integer DEFAULT 0 NOT NULL,
	`owner_user_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `typing_courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idx_coupons_code` ON `coupons` (`code`);--> statement-breakpoint
CREATE TABLE `course_lessons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text(120) NOT NULL,
	`test_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `typing_courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`test_id`) REFERENCES `tests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `uk_course_lesson_position` ON `course_lessons` (`course_id`,`position`);--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`queue` text(60) NOT NULL,
	`message_id` text(100) NOT NULL,
	`body` text NOT NULL,
	`attempts` integer NOT NULL,
	`received_at` integer NOT NULL,
	`replayed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idx_dead_letters_message` ON `dead_letters` (`queue`,`message_id`);--> statement-breakpoint
CREATE TABLE `email_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`message_id` text(100) NOT NULL,
	`email_type` text(40) NOT NULL,
	`recipient` text(100) NOT NULL,
	`subject` text(200) NOT NULL,
	`status` text(20) NOT NULL,
	`provider_message_id` text(200),
	`error` text,
	`attempts` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idx_email_history_message` ON `email_history` (`message_id`);--> statement-breakpoint
CREATE INDEX `idx_email_history_user` ON `email_history` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text(40) NOT NULL,
	`key` text(128) NOT NULL,
	`request_hash` text(64) NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `uk_idempotency_scope_key` ON `idempotency_keys` (`scope`,`key`);--> statement-breakpoint
CREATE INDEX `idx_idempotency_expires` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`course_id` integer NOT NULL,
	`order_id` text(64) NOT NULL,
	`provider` text(30) NOT NULL,
	`provider_payment_id` text(100),
	`amount_cents` integer NOT NULL,
	`currency` text(3) NOT NULL,
	`coupon_id` integer,
	`status` text(20) DEFAULT 'pending' NOT NULL,
	`captured_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `typing_courses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coupon_id`) REFERENCES `coupons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idx_payments_order` ON `payments` (`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `idx_payments_provider_payment` ON `payments` (`provider_payment_id`);--> statement-breakpoint
CREATE INDEX `idx_payments_user` ON `payments` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `refresh_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`family_id` text(36) NOT NULL,
	`token_hash` text(64) NOT NULL,
	`token_version` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idx_refresh_sessions_token` ON `refresh_sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `idx_refresh_sessions_family` ON `refresh_sessions` (`family_id`);--> statement-breakpoint
CREATE INDEX `idx_refresh_sessions_user` ON `refresh_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `test_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`test_id` integer NOT NULL,
	`type` text(50) DEFAULT 'practice' NOT NULL,
	`wpm` real NOT NULL,
	`raw_wpm` real NOT NULL,
	`accuracy` real NOT NULL,
	`errors` integer NOT NULL,
	`correct_chars` integer NOT NULL,
	`consistency` real,
	`time_taken` real NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`result_details` text NOT NULL,
	`test_details` text NOT NULL,
	`reattempt_count` integer DEFAULT 0 NOT NULL,
	`queued_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`test_id`) REFERENCES `tests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idx_test_results_user_created` ON `test_results` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `idx_test_results_test_user` ON `test_results` (`test_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `idx_test_results_unqueued` ON `test_results` (`created_at`) WHERE "test_results"."queued_at" IS NULL;--> statement-breakpoint
CREATE TABLE `tests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text(80) NOT NULL,
	`title` text(120) NOT NULL,
	`category` text(40) NOT NULL,
	`difficulty` text(10) NOT NULL,
	`language` text(10) NOT NULL,
	`duration_seconds` integer NOT NULL,
	`word_count` integer NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idx_tests_slug` ON `tests` (`slug`);--> statement-breakpoint
CREATE INDEX `idx_tests_category` ON `tests` (`category`,`difficulty`,`language`);--> statement-breakpoint
CREATE TABLE `tournament_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tournament_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`rank` integer NOT NULL,
	`wpm` real NOT NULL,
	`accuracy` real NOT NULL,
	`progress` real NOT NULL,
	`correct_chars` integer NOT NULL,
	`errors` integer NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`finished_at` integer,
	`test_result_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tournament_id`) REFERENCES `tournaments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`test_result_id`) REFERENCES `test_results`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `uk_tournament_result_user` ON `tournament_results` (`tournament_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `tournaments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text(100) NOT NULL,
	`test_id` integer NOT NULL,
	`host_user_id` integer NOT NULL,
	`status` text(20) DEFAULT 'scheduled' NOT NULL,
	`starts_at` integer,
	`countdown_seconds` integer DEFAULT 10 NOT NULL,
	`duration_seconds` integer NOT NULL,
	`max_participants` integer NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`test_id`) REFERENCES `tests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idx_tournaments_status` ON `tournaments` (`status`,`starts_at`);--> statement-breakpoint
CREATE TABLE `typing_courses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text(80) NOT NULL,
	`title` text(120) NOT NULL,
	`description` text NOT NULL,
	`level` text(20) NOT NULL,
	`price_cents` integer DEFAULT 0 NOT NULL,
	`currency` text(3) DEFAULT 'USD' NOT NULL,
	`duration_days` integer NOT NULL,
	`published` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idx_typing_courses_slug` ON `typing_courses` (`slug`);--> statement-breakpoint
CREATE TABLE `user_typing_courses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`typing_course_id` integer NOT NULL,
	`enrolled_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`typing_course_id`) REFERENCES `typing_courses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `uk_user_typing_course` ON `user_typing_courses` (`user_id`,`typing_course_id`);--> statement-breakpoint
CREATE INDEX `idx_user_courses_user` ON `user_typing_courses` (`user_id`,`enrolled_at`);--> statement-breakpoint
CREATE INDEX `idx_user_courses_expires` ON `user_typing_courses` (`expires_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text(20) NOT NULL,
	`email` text(50) NOT NULL,
	`password_hash` text(160) NOT NULL,
	`referral_code` text(20) NOT NULL,
	`referred_by_user_id` integer,
	`roles` text DEFAULT 'ROLE_USER' NOT NULL,
	`token_version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`referred_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idx_users_username` ON `users` (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX `idx_users_email` ON `users` (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX `idx_users_referral_code` ON `users` (`referral_code`);