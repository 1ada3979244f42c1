import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "privacy_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"network_export_min_group_size" numeric DEFAULT 5 NOT NULL,
  	"network_export_keep_days" numeric DEFAULT 7 NOT NULL,
  	"unconfirmed_subscription_days" numeric DEFAULT 30 NOT NULL,
  	"erasure_records_keep_days" numeric DEFAULT 30 NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "members" ADD COLUMN "network_analysis" boolean DEFAULT false;
  ALTER TABLE "members" ADD COLUMN "contactable" boolean DEFAULT true;
  CREATE INDEX "members_network_analysis_idx" ON "members" USING btree ("network_analysis");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "privacy_settings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "privacy_settings" CASCADE;
  DROP INDEX "members_network_analysis_idx";
  ALTER TABLE "members" DROP COLUMN "network_analysis";
  ALTER TABLE "members" DROP COLUMN "contactable";`)
}
