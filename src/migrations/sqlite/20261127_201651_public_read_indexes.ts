import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_idx\` ON \`blogs\` (\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_createdAt_idx\` ON \`_blogs_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_1_idx\` ON \`interviews\` (\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_createdAt_1_idx\` ON \`_interviews_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`year_createdAt_idx\` ON \`lab_themes\` (\`year\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedDate_createdAt_idx\` ON \`evaluation_reports\` (\`_status\`,\`published_date\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedDate_version_createdAt_idx\` ON \`_evaluation_reports_v\` (\`version__status\`,\`version_published_date\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`usedByPublished_createdAt_idx\` ON \`media\` (\`used_by_published\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`directoryVisible_name_idx\` ON \`members\` (\`directory_visible\`,\`name\`);`)
  await db.run(sql`CREATE INDEX \`directoryVisible_createdAt_idx\` ON \`members\` (\`directory_visible\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`status_needsReview_createdAt_idx\` ON \`comments\` (\`status\`,\`needs_review\`,\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_publishedAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_createdAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_version_createdAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`year_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedDate_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedDate_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`usedByPublished_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`directoryVisible_name_idx\`;`)
  await db.run(sql`DROP INDEX \`directoryVisible_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`status_needsReview_createdAt_idx\`;`)
}
