import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`members\` ADD \`pending_email\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`pending_email_token_hash\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`pending_email_expires_at\` text;`)
  await db.run(sql`CREATE INDEX \`members_pending_email_token_hash_idx\` ON \`members\` (\`pending_email_token_hash\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`members_pending_email_token_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`pending_email\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`pending_email_token_hash\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`pending_email_expires_at\`;`)
}
