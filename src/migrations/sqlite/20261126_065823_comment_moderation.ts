import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`comments_reasons\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`rule\` text,
  	\`clause\` text,
  	\`detail\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`comments_reasons_order_idx\` ON \`comments_reasons\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`comments_reasons_parent_id_idx\` ON \`comments_reasons\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_reasons_rule_idx\` ON \`comments_reasons\` (\`rule\`);`)
  await db.run(sql`CREATE TABLE \`comments_reports\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`member_id\` integer,
  	\`reason\` text,
  	\`reported_at\` text,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`comments_reports_order_idx\` ON \`comments_reports\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`comments_reports_parent_id_idx\` ON \`comments_reports\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_reports_member_idx\` ON \`comments_reports\` (\`member_id\`);`)
  await db.run(sql`CREATE TABLE \`comments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`body\` text NOT NULL,
  	\`author_id\` integer,
  	\`author_name\` text,
  	\`author_email\` text,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`policy_version\` text,
  	\`decision_by_id\` integer,
  	\`decision_at\` text,
  	\`decision_reason\` text,
  	\`decision_clause\` text,
  	\`report_count\` numeric DEFAULT 0,
  	\`depth\` numeric DEFAULT 1,
  	\`needs_review\` integer DEFAULT true,
  	\`moderators_notified_at\` text,
  	\`ip_hash\` text,
  	\`user_agent_hash\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decision_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`comments_parent_idx\` ON \`comments\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_author_idx\` ON \`comments\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_author_email_idx\` ON \`comments\` (\`author_email\`);`)
  await db.run(sql`CREATE INDEX \`comments_status_idx\` ON \`comments\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`comments_decision_decision_by_idx\` ON \`comments\` (\`decision_by_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_needs_review_idx\` ON \`comments\` (\`needs_review\`);`)
  await db.run(sql`CREATE INDEX \`comments_ip_hash_idx\` ON \`comments\` (\`ip_hash\`);`)
  await db.run(sql`CREATE INDEX \`comments_updated_at_idx\` ON \`comments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`comments_created_at_idx\` ON \`comments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`comments_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`blogs_id\` integer,
  	\`interviews_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`blogs_id\`) REFERENCES \`blogs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`interviews_id\`) REFERENCES \`interviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`comments_rels_order_idx\` ON \`comments_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`comments_rels_parent_idx\` ON \`comments_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_rels_path_idx\` ON \`comments_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`comments_rels_blogs_id_idx\` ON \`comments_rels\` (\`blogs_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_rels_interviews_id_idx\` ON \`comments_rels\` (\`interviews_id\`);`)
  await db.run(sql`CREATE TABLE \`comment_decisions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`comment_id\` integer NOT NULL,
  	\`from\` text,
  	\`to\` text NOT NULL,
  	\`source\` text NOT NULL,
  	\`by_id\` integer,
  	\`reason\` text,
  	\`policy_version\` text,
  	\`decided_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`comment_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`comment_decisions_comment_idx\` ON \`comment_decisions\` (\`comment_id\`);`)
  await db.run(sql`CREATE INDEX \`comment_decisions_by_idx\` ON \`comment_decisions\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`comment_decisions_decided_at_idx\` ON \`comment_decisions\` (\`decided_at\`);`)
  await db.run(sql`CREATE INDEX \`comment_decisions_updated_at_idx\` ON \`comment_decisions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`comment_decisions_created_at_idx\` ON \`comment_decisions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`comment_decisions_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`comment_decisions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`comment_decisions_texts_order_parent\` ON \`comment_decisions_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`comment_policy_clauses\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`number\` text NOT NULL,
  	\`title\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`comment_policy\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`comment_policy_clauses_order_idx\` ON \`comment_policy_clauses\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`comment_policy_clauses_parent_id_idx\` ON \`comment_policy_clauses\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`comment_policy\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version\` text DEFAULT '1' NOT NULL,
  	\`summary\` text DEFAULT 'Read our comments policy before posting. If you have an account, please log in.',
  	\`max_links\` numeric DEFAULT 2 NOT NULL,
  	\`hold_first_comment\` integer DEFAULT true,
  	\`trusted_after\` numeric DEFAULT 1 NOT NULL,
  	\`flood_interval_seconds\` numeric DEFAULT 15 NOT NULL,
  	\`close_after_days\` numeric,
  	\`allow_guests\` integer DEFAULT true,
  	\`reports_to_hide\` numeric DEFAULT 3 NOT NULL,
  	\`patient_data_guard\` integer DEFAULT true,
  	\`rule_clauses_first_comment\` text DEFAULT '1',
  	\`rule_clauses_blocked_term\` text DEFAULT '2',
  	\`rule_clauses_held_term\` text DEFAULT '3',
  	\`rule_clauses_too_many_links\` text DEFAULT '4',
  	\`rule_clauses_patient_data\` text DEFAULT '5',
  	\`rule_clauses_reported\` text DEFAULT '2',
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`comment_policy_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`comment_policy\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`comment_policy_texts_order_parent\` ON \`comment_policy_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`blogs\` ADD \`comments_enabled\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`_blogs_v\` ADD \`version_comments_enabled\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`interviews\` ADD \`comments_enabled\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`_interviews_v\` ADD \`version_comments_enabled\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`commenting_banned\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`commenting_banned_until\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`commenting_ban_reason\` text;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`comments_id\` integer REFERENCES comments(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`comment_decisions_id\` integer REFERENCES comment_decisions(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comment_decisions_id_idx\` ON \`payload_locked_documents_rels\` (\`comment_decisions_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`comments_reasons\`;`)
  await db.run(sql`DROP TABLE \`comments_reports\`;`)
  await db.run(sql`DROP TABLE \`comments\`;`)
  await db.run(sql`DROP TABLE \`comments_rels\`;`)
  await db.run(sql`DROP TABLE \`comment_decisions\`;`)
  await db.run(sql`DROP TABLE \`comment_decisions_texts\`;`)
  await db.run(sql`DROP TABLE \`comment_policy_clauses\`;`)
  await db.run(sql`DROP TABLE \`comment_policy\`;`)
  await db.run(sql`DROP TABLE \`comment_policy_texts\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`blogs_id\` integer,
  	\`interviews_id\` integer,
  	\`events_id\` integer,
  	\`lab_themes_id\` integer,
  	\`evaluation_reports_id\` integer,
  	\`media_id\` integer,
  	\`members_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`blogs_id\`) REFERENCES \`blogs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`interviews_id\`) REFERENCES \`interviews\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lab_themes_id\`) REFERENCES \`lab_themes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`evaluation_reports_id\`) REFERENCES \`evaluation_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "blogs_id", "interviews_id", "events_id", "lab_themes_id", "evaluation_reports_id", "media_id", "members_id", "users_id") SELECT "id", "order", "parent_id", "path", "blogs_id", "interviews_id", "events_id", "lab_themes_id", "evaluation_reports_id", "media_id", "members_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_blogs_id_idx\` ON \`payload_locked_documents_rels\` (\`blogs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_interviews_id_idx\` ON \`payload_locked_documents_rels\` (\`interviews_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lab_themes_id_idx\` ON \`payload_locked_documents_rels\` (\`lab_themes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_evaluation_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`evaluation_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`blogs\` DROP COLUMN \`comments_enabled\`;`)
  await db.run(sql`ALTER TABLE \`_blogs_v\` DROP COLUMN \`version_comments_enabled\`;`)
  await db.run(sql`ALTER TABLE \`interviews\` DROP COLUMN \`comments_enabled\`;`)
  await db.run(sql`ALTER TABLE \`_interviews_v\` DROP COLUMN \`version_comments_enabled\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`commenting_banned\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`commenting_banned_until\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`commenting_ban_reason\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
}
