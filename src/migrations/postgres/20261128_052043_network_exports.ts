import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_network_exports_status" AS ENUM('queued', 'building', 'ready', 'failed', 'expired');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'buildNetworkExport' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'expireNetworkExports' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'buildNetworkExport' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'expireNetworkExports' BEFORE 'schedulePublish';
  CREATE TABLE "network_exports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"purpose" varchar NOT NULL,
  	"from" varchar,
  	"to" varchar,
  	"requested_by_id" integer,
  	"status" "enum_network_exports_status" DEFAULT 'queued' NOT NULL,
  	"progress" numeric DEFAULT 0,
  	"counts_members" numeric,
  	"counts_connections" numeric,
  	"counts_suppressed" numeric,
  	"ready_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone,
  	"sha256" varchar,
  	"error" varchar,
  	"pseudonym_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "network_export_files" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"export_id" integer,
  	"bytes" numeric,
  	"base64" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "network_exports_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "network_export_files_id" integer;
  ALTER TABLE "network_exports" ADD CONSTRAINT "network_exports_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "network_export_files" ADD CONSTRAINT "network_export_files_export_id_network_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."network_exports"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "network_exports_requested_by_idx" ON "network_exports" USING btree ("requested_by_id");
  CREATE INDEX "network_exports_status_idx" ON "network_exports" USING btree ("status");
  CREATE INDEX "network_exports_expires_at_idx" ON "network_exports" USING btree ("expires_at");
  CREATE INDEX "network_exports_updated_at_idx" ON "network_exports" USING btree ("updated_at");
  CREATE INDEX "network_exports_created_at_idx" ON "network_exports" USING btree ("created_at");
  CREATE INDEX "network_export_files_export_idx" ON "network_export_files" USING btree ("export_id");
  CREATE INDEX "network_export_files_updated_at_idx" ON "network_export_files" USING btree ("updated_at");
  CREATE INDEX "network_export_files_created_at_idx" ON "network_export_files" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_network_exports_fk" FOREIGN KEY ("network_exports_id") REFERENCES "public"."network_exports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_network_export_files_fk" FOREIGN KEY ("network_export_files_id") REFERENCES "public"."network_export_files"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_network_exports_id_idx" ON "payload_locked_documents_rels" USING btree ("network_exports_id");
  CREATE INDEX "payload_locked_documents_rels_network_export_files_id_idx" ON "payload_locked_documents_rels" USING btree ("network_export_files_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "network_exports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "network_export_files" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "network_exports" CASCADE;
  DROP TABLE "network_export_files" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_network_exports_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_network_export_files_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'commentModeratorDigest', 'commentPurgeClientData', 'subscriptionsSendMailing', 'subscriptionsMaintenance', 'subscriptionsConfirm', 'deliverWebhook', 'webhooksMaintenance', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'commentModeratorDigest', 'commentPurgeClientData', 'subscriptionsSendMailing', 'subscriptionsMaintenance', 'subscriptionsConfirm', 'deliverWebhook', 'webhooksMaintenance', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_network_exports_id_idx";
  DROP INDEX "payload_locked_documents_rels_network_export_files_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "network_exports_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "network_export_files_id";
  DROP TYPE "public"."enum_network_exports_status";`)
}
