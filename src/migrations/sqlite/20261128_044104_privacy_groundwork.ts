import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
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
  await db.run(sql`ALTER TABLE \`members\` ADD \`network_analysis\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`contactable\` integer DEFAULT true;`)
  await db.run(sql`CREATE INDEX \`members_network_analysis_idx\` ON \`members\` (\`network_analysis\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`privacy_settings\`;`)
  await db.run(sql`DROP INDEX \`members_network_analysis_idx\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`network_analysis\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`contactable\`;`)
}
