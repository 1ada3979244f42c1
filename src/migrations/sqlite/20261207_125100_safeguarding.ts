import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`status_needsReview_createdAt_idx\`;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`urgent\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_reason\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_appealed_at\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_status\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_rejected_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_decided_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_decided_at\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_note\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`appeal_clause\` text;`)
  await db.run(sql`CREATE INDEX \`comments_urgent_idx\` ON \`comments\` (\`urgent\`);`)
  await db.run(sql`CREATE INDEX \`comments_appeal_appeal_rejected_by_idx\` ON \`comments\` (\`appeal_rejected_by_id\`);`)
  await db.run(sql`CREATE INDEX \`comments_appeal_appeal_decided_by_idx\` ON \`comments\` (\`appeal_decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`status_urgent_needsReview_createdAt_idx\` ON \`comments\` (\`status\`,\`urgent\`,\`needs_review\`,\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`comments_reports\` ADD \`weight\` numeric;`)
  await db.run(sql`ALTER TABLE \`comments_reports\` ADD \`outcome\` text;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`chi_number_guard\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`hc_number_guard\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`rule_clauses_chi_number\` text DEFAULT '5';`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`rule_clauses_hc_number\` text DEFAULT '5';`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`rule_clauses_safeguarding\` text DEFAULT '6';`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`safeguarding_lane\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`safeguarding_reply_subject\` text DEFAULT 'We read your comment, and we are here';`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`safeguarding_reply\` text DEFAULT 'Thank you for your comment. Something you wrote made us want to check that you are all right, so it is not published yet: a member of our team will read it first.
  
  If you are struggling or feel you might harm yourself, you do not have to cope alone. You can talk to someone now:
  
  Samaritans: call 116 123, free, any time of day or night, or email jo@samaritans.org.
  
  Shout: text SHOUT to 85258, free, any time.
  
  NHS 111: call 111 or go to 111.nhs.uk if you need urgent help or advice, including for your mental health.
  
  In an emergency, or if you or someone else is in danger right now, call 999 or go to A&E.
  
  Only our moderators will read your comment before anything is decided about publishing it. You do not need to reply to this email.';`)
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
  await db.run(sql`ALTER TABLE \`comments_reports\` DROP COLUMN \`weight\`;`)
  await db.run(sql`ALTER TABLE \`comments_reports\` DROP COLUMN \`outcome\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`chi_number_guard\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`hc_number_guard\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`rule_clauses_chi_number\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`rule_clauses_hc_number\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`rule_clauses_safeguarding\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`safeguarding_lane\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`safeguarding_reply_subject\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`safeguarding_reply\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`appeal_window_days\`;`)
}
