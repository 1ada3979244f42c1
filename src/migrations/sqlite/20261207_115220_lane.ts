import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`status_needsReview_createdAt_idx\`;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`urgent\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`comments_urgent_idx\` ON \`comments\` (\`urgent\`);`)
  await db.run(sql`CREATE INDEX \`status_urgent_needsReview_createdAt_idx\` ON \`comments\` (\`status\`,\`urgent\`,\`needs_review\`,\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`comments_reports\` ADD \`weight\` numeric;`)
  await db.run(sql`ALTER TABLE \`comments_reports\` ADD \`outcome\` text;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`rule_clauses_safeguarding\` text DEFAULT '6';`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`safeguarding_lane\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`safeguarding_reply_subject\` text DEFAULT 'We read your comment, and we are here';`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`safeguarding_reply\` text DEFAULT 'Thank you for your comment. Something you wrote made us want to check that you are all right, so a member of our team will read it before anything else.
  
  If you are struggling or feel you might harm yourself, you do not have to cope alone. You can talk to someone now:
  
  Samaritans: call 116 123, free, any time of day or night, or email jo@samaritans.org.
  
  Shout: text SHOUT to 85258, free, any time.
  
  NHS 111: call 111 or go to 111.nhs.uk if you need urgent help or advice, including for your mental health.
  
  In an emergency, or if you or someone else is in danger right now, call 999 or go to A&E.
  
  We will not share what you wrote. You do not need to reply to this email.';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`comments_urgent_idx\`;`)
  await db.run(sql`DROP INDEX \`status_urgent_needsReview_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`status_needsReview_createdAt_idx\` ON \`comments\` (\`status\`,\`needs_review\`,\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`urgent\`;`)
  await db.run(sql`ALTER TABLE \`comments_reports\` DROP COLUMN \`weight\`;`)
  await db.run(sql`ALTER TABLE \`comments_reports\` DROP COLUMN \`outcome\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`rule_clauses_safeguarding\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`safeguarding_lane\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`safeguarding_reply_subject\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`safeguarding_reply\`;`)
}
