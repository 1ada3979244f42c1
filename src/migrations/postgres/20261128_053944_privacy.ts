import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_consent_records_purpose" AS ENUM('directory', 'networkAnalysis', 'contact');
  CREATE TYPE "public"."enum_consent_records_source" AS ENUM('member', 'staff', 'seed', 'import', 'signup');
  CREATE TYPE "public"."enum_retention_runs_task" AS ENUM('retentionUnconfirmedSubscriptions', 'retentionErasureRecords', 'commentPurgeClientData');
  CREATE TYPE "public"."enum_erasure_requests_status" AS ENUM('pending', 'confirmed', 'completed', 'expired', 'cancelled');
  CREATE TYPE "public"."enum_erasure_requests_source" AS ENUM('member', 'staff');
  CREATE TYPE "public"."enum_privacy_log_action" AS ENUM('member-erased-by-staff');
  CREATE TYPE "public"."enum_network_exports_status" AS ENUM('queued', 'building', 'ready', 'failed', 'expired');
  CREATE TYPE "public"."enum_comment_policy_erased_comment_body" AS ENUM('remove', 'keep');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'retentionUnconfirmedSubscriptions' BEFORE 'commentModeratorDigest';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'retentionErasureRecords' BEFORE 'commentModeratorDigest';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'buildNetworkExport' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'expireNetworkExports' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'retentionUnconfirmedSubscriptions' BEFORE 'commentModeratorDigest';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'retentionErasureRecords' BEFORE 'commentModeratorDigest';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'buildNetworkExport' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'expireNetworkExports' BEFORE 'schedulePublish';
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
  
  CREATE TABLE "erasure_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"member_id" integer,
  	"status" "enum_erasure_requests_status" DEFAULT 'pending' NOT NULL,
  	"source" "enum_erasure_requests_source" NOT NULL,
  	"requested_at" timestamp(3) with time zone NOT NULL,
  	"expires_at" timestamp(3) with time zone,
  	"completed_at" timestamp(3) with time zone,
  	"token_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "privacy_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_privacy_log_action" NOT NULL,
  	"reason" varchar NOT NULL,
  	"by_id" integer,
  	"at" timestamp(3) with time zone NOT NULL,
  	"counts" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
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
  
  CREATE TABLE "privacy_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"network_export_min_group_size" numeric DEFAULT 5 NOT NULL,
  	"network_export_keep_days" numeric DEFAULT 7 NOT NULL,
  	"unconfirmed_subscription_days" numeric DEFAULT 30 NOT NULL,
  	"erasure_records_keep_days" numeric DEFAULT 30 NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "blogs" ADD COLUMN "author_erased" boolean DEFAULT false;
  ALTER TABLE "_blogs_v" ADD COLUMN "version_author_erased" boolean DEFAULT false;
  ALTER TABLE "members" ADD COLUMN "network_analysis" boolean DEFAULT false;
  ALTER TABLE "members" ADD COLUMN "contactable" boolean DEFAULT true;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "consent_records_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "retention_runs_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "erasure_requests_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "privacy_log_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "network_exports_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "network_export_files_id" integer;
  ALTER TABLE "comment_policy" ADD COLUMN "erased_comment_body" "enum_comment_policy_erased_comment_body" DEFAULT 'remove';
  ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "privacy_log" ADD CONSTRAINT "privacy_log_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "network_exports" ADD CONSTRAINT "network_exports_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "network_export_files" ADD CONSTRAINT "network_export_files_export_id_network_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."network_exports"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "consent_records_member_idx" ON "consent_records" USING btree ("member_id");
  CREATE INDEX "consent_records_recorded_at_idx" ON "consent_records" USING btree ("recorded_at");
  CREATE INDEX "consent_records_updated_at_idx" ON "consent_records" USING btree ("updated_at");
  CREATE INDEX "consent_records_created_at_idx" ON "consent_records" USING btree ("created_at");
  CREATE INDEX "member_purpose_recordedAt_idx" ON "consent_records" USING btree ("member_id","purpose","recorded_at");
  CREATE INDEX "retention_runs_ran_at_idx" ON "retention_runs" USING btree ("ran_at");
  CREATE INDEX "retention_runs_updated_at_idx" ON "retention_runs" USING btree ("updated_at");
  CREATE INDEX "retention_runs_created_at_idx" ON "retention_runs" USING btree ("created_at");
  CREATE INDEX "task_ranAt_idx" ON "retention_runs" USING btree ("task","ran_at");
  CREATE INDEX "erasure_requests_member_idx" ON "erasure_requests" USING btree ("member_id");
  CREATE INDEX "erasure_requests_status_idx" ON "erasure_requests" USING btree ("status");
  CREATE INDEX "erasure_requests_requested_at_idx" ON "erasure_requests" USING btree ("requested_at");
  CREATE INDEX "erasure_requests_token_hash_idx" ON "erasure_requests" USING btree ("token_hash");
  CREATE INDEX "erasure_requests_updated_at_idx" ON "erasure_requests" USING btree ("updated_at");
  CREATE INDEX "erasure_requests_created_at_idx" ON "erasure_requests" USING btree ("created_at");
  CREATE INDEX "privacy_log_by_idx" ON "privacy_log" USING btree ("by_id");
  CREATE INDEX "privacy_log_at_idx" ON "privacy_log" USING btree ("at");
  CREATE INDEX "privacy_log_updated_at_idx" ON "privacy_log" USING btree ("updated_at");
  CREATE INDEX "privacy_log_created_at_idx" ON "privacy_log" USING btree ("created_at");
  CREATE INDEX "network_exports_requested_by_idx" ON "network_exports" USING btree ("requested_by_id");
  CREATE INDEX "network_exports_status_idx" ON "network_exports" USING btree ("status");
  CREATE INDEX "network_exports_expires_at_idx" ON "network_exports" USING btree ("expires_at");
  CREATE INDEX "network_exports_updated_at_idx" ON "network_exports" USING btree ("updated_at");
  CREATE INDEX "network_exports_created_at_idx" ON "network_exports" USING btree ("created_at");
  CREATE INDEX "network_export_files_export_idx" ON "network_export_files" USING btree ("export_id");
  CREATE INDEX "network_export_files_updated_at_idx" ON "network_export_files" USING btree ("updated_at");
  CREATE INDEX "network_export_files_created_at_idx" ON "network_export_files" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_consent_records_fk" FOREIGN KEY ("consent_records_id") REFERENCES "public"."consent_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_retention_runs_fk" FOREIGN KEY ("retention_runs_id") REFERENCES "public"."retention_runs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_erasure_requests_fk" FOREIGN KEY ("erasure_requests_id") REFERENCES "public"."erasure_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_privacy_log_fk" FOREIGN KEY ("privacy_log_id") REFERENCES "public"."privacy_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_network_exports_fk" FOREIGN KEY ("network_exports_id") REFERENCES "public"."network_exports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_network_export_files_fk" FOREIGN KEY ("network_export_files_id") REFERENCES "public"."network_export_files"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "members_network_analysis_idx" ON "members" USING btree ("network_analysis");
  CREATE INDEX "payload_locked_documents_rels_consent_records_id_idx" ON "payload_locked_documents_rels" USING btree ("consent_records_id");
  CREATE INDEX "payload_locked_documents_rels_retention_runs_id_idx" ON "payload_locked_documents_rels" USING btree ("retention_runs_id");
  CREATE INDEX "payload_locked_documents_rels_erasure_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("erasure_requests_id");
  CREATE INDEX "payload_locked_documents_rels_privacy_log_id_idx" ON "payload_locked_documents_rels" USING btree ("privacy_log_id");
  CREATE INDEX "payload_locked_documents_rels_network_exports_id_idx" ON "payload_locked_documents_rels" USING btree ("network_exports_id");
  CREATE INDEX "payload_locked_documents_rels_network_export_files_id_idx" ON "payload_locked_documents_rels" USING btree ("network_export_files_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "consent_records" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "retention_runs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "erasure_requests" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "privacy_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "network_exports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "network_export_files" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "privacy_settings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "consent_records" CASCADE;
  DROP TABLE "retention_runs" CASCADE;
  DROP TABLE "erasure_requests" CASCADE;
  DROP TABLE "privacy_log" CASCADE;
  DROP TABLE "network_exports" CASCADE;
  DROP TABLE "network_export_files" CASCADE;
  DROP TABLE "privacy_settings" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_consent_records_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_retention_runs_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_erasure_requests_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_privacy_log_fk";
  
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
  DROP INDEX "members_network_analysis_idx";
  DROP INDEX "payload_locked_documents_rels_consent_records_id_idx";
  DROP INDEX "payload_locked_documents_rels_retention_runs_id_idx";
  DROP INDEX "payload_locked_documents_rels_erasure_requests_id_idx";
  DROP INDEX "payload_locked_documents_rels_privacy_log_id_idx";
  DROP INDEX "payload_locked_documents_rels_network_exports_id_idx";
  DROP INDEX "payload_locked_documents_rels_network_export_files_id_idx";
  ALTER TABLE "blogs" DROP COLUMN "author_erased";
  ALTER TABLE "_blogs_v" DROP COLUMN "version_author_erased";
  ALTER TABLE "members" DROP COLUMN "network_analysis";
  ALTER TABLE "members" DROP COLUMN "contactable";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "consent_records_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "retention_runs_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "erasure_requests_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "privacy_log_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "network_exports_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "network_export_files_id";
  ALTER TABLE "comment_policy" DROP COLUMN "erased_comment_body";
  DROP TYPE "public"."enum_consent_records_purpose";
  DROP TYPE "public"."enum_consent_records_source";
  DROP TYPE "public"."enum_retention_runs_task";
  DROP TYPE "public"."enum_erasure_requests_status";
  DROP TYPE "public"."enum_erasure_requests_source";
  DROP TYPE "public"."enum_privacy_log_action";
  DROP TYPE "public"."enum_network_exports_status";
  DROP TYPE "public"."enum_comment_policy_erased_comment_body";`)
}
