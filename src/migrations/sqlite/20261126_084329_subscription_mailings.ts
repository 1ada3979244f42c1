import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`subscription_mailings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`topic\` text,
  	\`document_id\` text,
  	\`title\` text,
  	\`excerpt\` text,
  	\`url\` text,
  	\`first_published_at\` text,
  	\`period_start\` text,
  	\`period_end\` text,
  	\`lease_until\` text,
  	\`attempts\` numeric DEFAULT 0,
  	\`sent\` numeric DEFAULT 0,
  	\`failed\` numeric DEFAULT 0,
  	\`last_error\` text,
  	\`completed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`subscription_mailings_key_idx\` ON \`subscription_mailings\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`subscription_mailings_kind_idx\` ON \`subscription_mailings\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`subscription_mailings_status_idx\` ON \`subscription_mailings\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`subscription_mailings_topic_idx\` ON \`subscription_mailings\` (\`topic\`);`)
  await db.run(sql`CREATE INDEX \`subscription_mailings_first_published_at_idx\` ON \`subscription_mailings\` (\`first_published_at\`);`)
  await db.run(sql`CREATE INDEX \`subscription_mailings_period_end_idx\` ON \`subscription_mailings\` (\`period_end\`);`)
  await db.run(sql`CREATE INDEX \`subscription_mailings_lease_until_idx\` ON \`subscription_mailings\` (\`lease_until\`);`)
  await db.run(sql`CREATE INDEX \`subscription_mailings_updated_at_idx\` ON \`subscription_mailings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`subscription_mailings_created_at_idx\` ON \`subscription_mailings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`subscription_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`mailing\` text NOT NULL,
  	\`subscriber_id\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`attempts\` numeric DEFAULT 1,
  	\`claimed_at\` text,
  	\`sent_at\` text,
  	\`error\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`subscription_deliveries_key_idx\` ON \`subscription_deliveries\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`subscription_deliveries_mailing_idx\` ON \`subscription_deliveries\` (\`mailing\`);`)
  await db.run(sql`CREATE INDEX \`subscription_deliveries_subscriber_id_idx\` ON \`subscription_deliveries\` (\`subscriber_id\`);`)
  await db.run(sql`CREATE INDEX \`subscription_deliveries_status_idx\` ON \`subscription_deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`subscription_deliveries_updated_at_idx\` ON \`subscription_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`subscription_deliveries_created_at_idx\` ON \`subscription_deliveries\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`subscribers\` ADD \`manage_key\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`subscription_mailings_id\` integer REFERENCES subscription_mailings(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`subscription_deliveries_id\` integer REFERENCES subscription_deliveries(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscription_mailings_id_idx\` ON \`payload_locked_documents_rels\` (\`subscription_mailings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscription_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`subscription_deliveries_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`subscription_mailings\`;`)
  await db.run(sql`DROP TABLE \`subscription_deliveries\`;`)
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
  	\`comments_id\` integer,
  	\`comment_decisions_id\` integer,
  	\`subscribers_id\` integer,
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
  	FOREIGN KEY (\`comments_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comment_decisions_id\`) REFERENCES \`comment_decisions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subscribers_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "blogs_id", "interviews_id", "events_id", "lab_themes_id", "evaluation_reports_id", "media_id", "members_id", "connections_id", "users_id", "comments_id", "comment_decisions_id", "subscribers_id") SELECT "id", "order", "parent_id", "path", "blogs_id", "interviews_id", "events_id", "lab_themes_id", "evaluation_reports_id", "media_id", "members_id", "connections_id", "users_id", "comments_id", "comment_decisions_id", "subscribers_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comment_decisions_id_idx\` ON \`payload_locked_documents_rels\` (\`comment_decisions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`ALTER TABLE \`subscribers\` DROP COLUMN \`manage_key\`;`)
}
