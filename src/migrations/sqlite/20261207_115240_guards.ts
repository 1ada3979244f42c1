import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`chi_number_guard\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`hc_number_guard\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`rule_clauses_chi_number\` text DEFAULT '5';`)
  await db.run(sql`ALTER TABLE \`comment_policy\` ADD \`rule_clauses_hc_number\` text DEFAULT '5';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`chi_number_guard\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`hc_number_guard\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`rule_clauses_chi_number\`;`)
  await db.run(sql`ALTER TABLE \`comment_policy\` DROP COLUMN \`rule_clauses_hc_number\`;`)
}
