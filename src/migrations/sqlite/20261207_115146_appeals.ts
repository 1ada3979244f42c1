import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_reason\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_appealed_at\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_status\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_rejected_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_decided_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_decided_at\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_note\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_clause\` text;`)
  await db.run(sql`CREATE INDEX \`comments_appeal_appeal_rejected_by_idx\` ON \`comments\` (\`appeal_rejected_by_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_appeal_appeal_decided_by_idx\` ON \`comments\` (\`appeal_decided_by_id\`);`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`appeal_window_days\` numeric DEFAULT 14 NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_comments\` (
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
  await db.run(sql`INSERT INTO \`__new_comments\`("id", "parent_id", "body", "author_id", "author_name", "author_email", "status", "policy_version", "decision_by_id", "decision_at", "decision_reason", "decision_clause", "report_count", "depth", "needs_review", "moderators_notified_at", "ip_hash", "user_agent_hash", "updated_at", "created_at") SELECT "id", "parent_id", "body", "author_id", "author_name", "author_email", "status", "policy_version", "decision_by_id", "decision_at", "decision_reason", "decision_clause", "report_count", "depth", "needs_review", "moderators_notified_at", "ip_hash", "user_agent_hash", "updated_at", "created_at" FROM \`comments\`;`)
  await db.run(sql`DROP TABLE \`comments\`;`)
  await db.run(sql`ALTER TABLE \`__new_comments\` RENAME TO \`comments\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`comments_parent_idx\` ON \`comments\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_author_idx\` ON \`comments\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_author_email_idx\` ON \`comments\` (\`author_email\`);`)
  await db.run(sql`CREATE INDEX \`comments_status_idx\` ON \`comments\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`comments_decision_decision_by_idx\` ON \`comments\` (\`decision_by_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_needs_review_idx\` ON \`comments\` (\`needs_review\`);`)
  await db.run(sql`CREATE INDEX \`comments_ip_hash_idx\` ON \`comments\` (\`ip_hash\`);`)
  await db.run(sql`CREATE INDEX \`comments_updated_at_idx\` ON \`comments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`comments_created_at_idx\` ON \`comments\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`status_needsReview_createdAt_idx\` ON \`comments\` (\`status\`,\`needs_review\`,\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`appeal_window_days\`;`)
}
