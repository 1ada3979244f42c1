import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "_status_publishedAt_createdAt_idx" ON "blogs" USING btree ("_status","published_at","created_at");
  CREATE INDEX "version__status_version_publishedAt_version_createdAt_idx" ON "_blogs_v" USING btree ("version__status","version_published_at","version_created_at");
  CREATE INDEX "_status_publishedAt_createdAt_1_idx" ON "interviews" USING btree ("_status","published_at","created_at");
  CREATE INDEX "version__status_version_publishedAt_version_createdAt_1_idx" ON "_interviews_v" USING btree ("version__status","version_published_at","version_created_at");
  CREATE INDEX "year_createdAt_idx" ON "lab_themes" USING btree ("year","created_at");
  CREATE INDEX "_status_publishedDate_createdAt_idx" ON "evaluation_reports" USING btree ("_status","published_date","created_at");
  CREATE INDEX "version__status_version_publishedDate_version_createdAt_idx" ON "_evaluation_reports_v" USING btree ("version__status","version_published_date","version_created_at");
  CREATE INDEX "usedByPublished_createdAt_idx" ON "media" USING btree ("used_by_published","created_at");
  CREATE INDEX "directoryVisible_name_idx" ON "members" USING btree ("directory_visible","name");
  CREATE INDEX "directoryVisible_createdAt_idx" ON "members" USING btree ("directory_visible","created_at");
  CREATE INDEX "status_needsReview_createdAt_idx" ON "comments" USING btree ("status","needs_review","created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_status_publishedAt_createdAt_idx";
  DROP INDEX "version__status_version_publishedAt_version_createdAt_idx";
  DROP INDEX "_status_publishedAt_createdAt_1_idx";
  DROP INDEX "version__status_version_publishedAt_version_createdAt_1_idx";
  DROP INDEX "year_createdAt_idx";
  DROP INDEX "_status_publishedDate_createdAt_idx";
  DROP INDEX "version__status_version_publishedDate_version_createdAt_idx";
  DROP INDEX "usedByPublished_createdAt_idx";
  DROP INDEX "directoryVisible_name_idx";
  DROP INDEX "directoryVisible_createdAt_idx";
  DROP INDEX "status_needsReview_createdAt_idx";`)
}
