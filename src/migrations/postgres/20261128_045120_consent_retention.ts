import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_consent_records_purpose" AS ENUM('directory', 'networkAnalysis', 'contact');
  CREATE TYPE "public"."enum_consent_records_source" AS ENUM('member', 'staff', 'seed', 'import', 'signup');
  CREATE TYPE "public"."enum_retention_runs_task" AS ENUM('retentionUnconfirmedSubscriptions', 'retentionErasureRecords', 'commentPurgeClientData');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'retentionUnconfirmedSubscriptions' BEFORE 'commentModeratorDigest';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'retentionErasureRecords' BEFORE 'commentModeratorDigest';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'retentionUnconfirmedSubscriptions' BEFORE 'commentModeratorDigest';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'retentionErasureRecords' BEFORE 'commentModeratorDigest';
  CREATE TABLE "consent_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"member_id" integer,
  	"purpose" "enum_consent_records_purpose" NOT NULL,
  	"granted" boolean DEFAULT false NOT NULL,
  	"wording_version" varchar NOT NULL,
  	"recorded_at" timestamp(3) with time zone NOT NULL,
  	"source" "enum_consent_records_source" NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "retention_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"task" "enum_retention_runs_task" NOT NULL,
  	"ran_at" timestamp(3) with time zone NOT NULL,
  	"ok" boolean DEFAULT true NOT NULL,
  	"removed" numeric DEFAULT 0 NOT NULL,
  	"duration_ms" numeric DEFAULT 0 NOT NULL,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "consent_records_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "retention_runs_id" integer;
  ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "consent_records_member_idx" ON "consent_records" USING btree ("member_id");
  CREATE INDEX "consent_records_recorded_at_idx" ON "consent_records" USING btree ("recorded_at");
  CREATE INDEX "consent_records_updated_at_idx" ON "consent_records" USING btree ("updated_at");
  CREATE INDEX "consent_records_created_at_idx" ON "consent_records" USING btree ("created_at");
  CREATE INDEX "member_purpose_recordedAt_idx" ON "consent_records" USING btree ("member_id","purpose","recorded_at");
  CREATE INDEX "retention_runs_ran_at_idx" ON "retention_runs" USING btree ("ran_at");
  CREATE INDEX "retention_runs_updated_at_idx" ON "retention_runs" USING btree ("updated_at");
  CREATE INDEX "retention_runs_created_at_idx" ON "retention_runs" USING btree ("created_at");
  CREATE INDEX "task_ranAt_idx" ON "retention_runs" USING btree ("task","ran_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_consent_records_fk" FOREIGN KEY ("consent_records_id") REFERENCES "public"."consent_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_retention_runs_fk" FOREIGN KEY ("retention_runs_id") REFERENCES "public"."retention_runs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_consent_records_id_idx" ON "payload_locked_documents_rels" USING btree ("consent_records_id");
  CREATE INDEX "payload_locked_documents_rels_retention_runs_id_idx" ON "payload_locked_documents_rels" USING btree ("retention_runs_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "consent_records" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "retention_runs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "consent_records" CASCADE;
  DROP TABLE "retention_runs" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_consent_records_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_retention_runs_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'commentModeratorDigest', 'commentPurgeClientData', 'subscriptionsSendMailing', 'subscriptionsMaintenance', 'subscriptionsConfirm', 'deliverWebhook', 'webhooksMaintenance', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'commentModeratorDigest', 'commentPurgeClientData', 'subscriptionsSendMailing', 'subscriptionsMaintenance', 'subscriptionsConfirm', 'deliverWebhook', 'webhooksMaintenance', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_consent_records_id_idx";
  DROP INDEX "payload_locked_documents_rels_retention_runs_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "consent_records_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "retention_runs_id";
  DROP TYPE "public"."enum_consent_records_purpose";
  DROP TYPE "public"."enum_consent_records_source";
  DROP TYPE "public"."enum_retention_runs_task";`)
}
