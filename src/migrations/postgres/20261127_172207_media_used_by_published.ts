import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "used_by_published" boolean DEFAULT false;
  CREATE INDEX "media_used_by_published_idx" ON "media" USING btree ("used_by_published");`)
  // Files that published content already uses stay public (rich-text images follow on the next save).
  await db.execute(sql`
   UPDATE "media" SET "used_by_published" = true WHERE "id" IN (
    SELECT "hero_image_id" FROM "blogs" WHERE "_status" = 'published' AND "hero_image_id" IS NOT NULL
    UNION SELECT "report_file_id" FROM "evaluation_reports" WHERE "_status" = 'published' AND "report_file_id" IS NOT NULL
    UNION SELECT "avatar_id" FROM "members" WHERE "directory_visible" = true AND "avatar_id" IS NOT NULL);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "media_used_by_published_idx";
  ALTER TABLE "media" DROP COLUMN "used_by_published";`)
}
