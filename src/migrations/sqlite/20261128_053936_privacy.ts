import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`consent_records\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`member_id\` integer,
  	\`purpose\` text NOT NULL,
  	\`granted\` integer DEFAULT false NOT NULL,
  	\`wording_version\` text NOT NULL,
  	\`recorded_at\` text NOT NULL,
  	\`source\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`consent_records_member_idx\` ON \`consent_records\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`consent_records_recorded_at_idx\` ON \`consent_records\` (\`recorded_at\`);`)
  await db.run(sql`CREATE INDEX \`consent_records_updated_at_idx\` ON \`consent_records\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`consent_records_created_at_idx\` ON \`consent_records\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`member_purpose_recordedAt_idx\` ON \`consent_records\` (\`member_id\`,\`purpose\`,\`recorded_at\`);`)
  await db.run(sql`CREATE TABLE \`retention_runs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`task\` text NOT NULL,
  	\`ran_at\` text NOT NULL,
  	\`ok\` integer DEFAULT true NOT NULL,
  	\`removed\` numeric DEFAULT 0 NOT NULL,
  	\`duration_ms\` numeric DEFAULT 0 NOT NULL,
  	\`error\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`retention_runs_ran_at_idx\` ON \`retention_runs\` (\`ran_at\`);`)
  await db.run(sql`CREATE INDEX \`retention_runs_updated_at_idx\` ON \`retention_runs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`retention_runs_created_at_idx\` ON \`retention_runs\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`task_ranAt_idx\` ON \`retention_runs\` (\`task\`,\`ran_at\`);`)
  await db.run(sql`CREATE TABLE \`erasure_requests\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`member_id\` integer,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`source\` text NOT NULL,
  	\`requested_at\` text NOT NULL,
  	\`expires_at\` text,
  	\`completed_at\` text,
  	\`token_hash\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`erasure_requests_member_idx\` ON \`erasure_requests\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`erasure_requests_status_idx\` ON \`erasure_requests\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`erasure_requests_requested_at_idx\` ON \`erasure_requests\` (\`requested_at\`);`)
  await db.run(sql`CREATE INDEX \`erasure_requests_token_hash_idx\` ON \`erasure_requests\` (\`token_hash\`);`)
  await db.run(sql`CREATE INDEX \`erasure_requests_updated_at_idx\` ON \`erasure_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`erasure_requests_created_at_idx\` ON \`erasure_requests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`privacy_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`reason\` text NOT NULL,
  	\`by_id\` integer,
  	\`at\` text NOT NULL,
  	\`counts\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`privacy_log_by_idx\` ON \`privacy_log\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`privacy_log_at_idx\` ON \`privacy_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`privacy_log_updated_at_idx\` ON \`privacy_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`privacy_log_created_at_idx\` ON \`privacy_log\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`network_exports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`purpose\` text NOT NULL,
  	\`from\` text,
  	\`to\` text,
  	\`requested_by_id\` integer,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`progress\` numeric DEFAULT 0,
  	\`counts_members\` numeric,
  	\`counts_connections\` numeric,
  	\`counts_suppressed\` numeric,
  	\`ready_at\` text,
  	\`expires_at\` text,
  	\`sha256\` text,
  	\`error\` text,
  	\`pseudonym_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`requested_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`network_exports_requested_by_idx\` ON \`network_exports\` (\`requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`network_exports_status_idx\` ON \`network_exports\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`network_exports_expires_at_idx\` ON \`network_exports\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`network_exports_updated_at_idx\` ON \`network_exports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`network_exports_created_at_idx\` ON \`network_exports\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`network_export_files\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`export_id\` integer,
  	\`bytes\` numeric,
  	\`base64\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`export_id\`) REFERENCES \`network_exports\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`network_export_files_export_idx\` ON \`network_export_files\` (\`export_id\`);`)
  await db.run(sql`CREATE INDEX \`network_export_files_updated_at_idx\` ON \`network_export_files\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`network_export_files_created_at_idx\` ON \`network_export_files\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`privacy_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`network_export_min_group_size\` numeric DEFAULT 5 NOT NULL,
  	\`network_export_keep_days\` numeric DEFAULT 7 NOT NULL,
  	\`unconfirmed_subscription_days\` numeric DEFAULT 30 NOT NULL,
  	\`erasure_records_keep_days\` numeric DEFAULT 30 NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`blogs\` ADD \`author_erased\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_blogs_v\` ADD \`version_author_erased\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`network_analysis\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`contactable\` integer DEFAULT true;`)
  await db.run(sql`CREATE INDEX \`members_network_analysis_idx\` ON \`members\` (\`network_analysis\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`consent_records_id\` integer REFERENCES consent_records(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`retention_runs_id\` integer REFERENCES retention_runs(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`erasure_requests_id\` integer REFERENCES erasure_requests(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`privacy_log_id\` integer REFERENCES privacy_log(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`network_exports_id\` integer REFERENCES network_exports(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`network_export_files_id\` integer REFERENCES network_export_files(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consent_records_id_idx\` ON \`payload_locked_documents_rels\` (\`consent_records_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_retention_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`retention_runs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_erasure_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`erasure_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_privacy_log_id_idx\` ON \`payload_locked_documents_rels\` (\`privacy_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_network_exports_id_idx\` ON \`payload_locked_documents_rels\` (\`network_exports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_network_export_files_id_idx\` ON \`payload_locked_documents_rels\` (\`network_export_files_id\`);`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`erased_comment_body\` text DEFAULT 'remove';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`consent_records\`;`)
  await db.run(sql`DROP TABLE \`retention_runs\`;`)
  await db.run(sql`DROP TABLE \`erasure_requests\`;`)
  await db.run(sql`DROP TABLE \`privacy_log\`;`)
  await db.run(sql`DROP TABLE \`network_exports\`;`)
  await db.run(sql`DROP TABLE \`network_export_files\`;`)
  await db.run(sql`DROP TABLE \`privacy_settings\`;`)
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
  	\`connections_id\` integer,
  	\`users_id\` integer,
  	\`webhooks_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`comments_id\` integer,
  	\`comment_decisions_id\` integer,
  	\`subscribers_id\` integer,
  	\`subscription_mailings_id\` integer,
  	\`subscription_deliveries_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`blogs_id\`) REFERENCES \`blogs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`interviews_id\`) REFERENCES \`interviews\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lab_themes_id\`) REFERENCES \`lab_themes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`evaluation_reports_id\`) REFERENCES \`evaluation_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`connections_id\`) REFERENCES \`connections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhooks_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comments_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comment_decisions_id\`) REFERENCES \`comment_decisions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscribers_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscription_mailings_id\`) REFERENCES \`subscription_mailings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscription_deliveries_id\`) REFERENCES \`subscription_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "blogs_id", "interviews_id", "events_id", "lab_themes_id", "evaluation_reports_id", "media_id", "members_id", "connections_id", "users_id", "webhooks_id", "webhook_deliveries_id", "comments_id", "comment_decisions_id", "subscribers_id", "subscription_mailings_id", "subscription_deliveries_id") SELECT "id", "order", "parent_id", "path", "blogs_id", "interviews_id", "events_id", "lab_themes_id", "evaluation_reports_id", "media_id", "members_id", "connections_id", "users_id", "webhooks_id", "webhook_deliveries_id", "comments_id", "comment_decisions_id", "subscribers_id", "subscription_mailings_id", "subscription_deliveries_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_connections_id_idx\` ON \`payload_locked_documents_rels\` (\`connections_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comment_decisions_id_idx\` ON \`payload_locked_documents_rels\` (\`comment_decisions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscription_mailings_id_idx\` ON \`payload_locked_documents_rels\` (\`subscription_mailings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscription_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`subscription_deliveries_id\`);`)
  await db.run(sql`DROP INDEX \`members_network_analysis_idx\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`network_analysis\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`contactable\`;`)
  await db.run(sql`ALTER TABLE \`blogs\` DROP COLUMN \`author_erased\`;`)
  await db.run(sql`ALTER TABLE \`_blogs_v\` DROP COLUMN \`version_author_erased\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`erased_comment_body\`;`)
}
