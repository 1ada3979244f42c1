import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_subscription_mailings_kind" AS ENUM('publication', 'digest');
  CREATE TYPE "public"."enum_subscription_mailings_status" AS ENUM('queued', 'sending', 'done', 'failed');
  CREATE TYPE "public"."enum_subscription_deliveries_status" AS ENUM('claimed', 'sent', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'subscriptionsSendMailing' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'subscriptionsMaintenance' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'subscriptionsSendMailing' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'subscriptionsMaintenance' BEFORE 'schedulePublish';
  CREATE TABLE "subscription_mailings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"kind" "enum_subscription_mailings_kind" NOT NULL,
  	"status" "enum_subscription_mailings_status" DEFAULT 'queued' NOT NULL,
  	"topic" varchar,
  	"document_id" varchar,
  	"title" varchar,
  	"excerpt" varchar,
  	"url" varchar,
  	"first_published_at" timestamp(3) with time zone,
  	"period_start" timestamp(3) with time zone,
  	"period_end" timestamp(3) with time zone,
  	"lease_until" timestamp(3) with time zone,
  	"attempts" numeric DEFAULT 0,
  	"sent" numeric DEFAULT 0,
  	"failed" numeric DEFAULT 0,
  	"last_error" varchar,
  	"completed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "subscription_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"mailing" varchar NOT NULL,
  	"subscriber_id" varchar NOT NULL,
  	"status" "enum_subscription_deliveries_status" NOT NULL,
  	"attempts" numeric DEFAULT 1,
  	"claimed_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "subscribers" ADD COLUMN "manage_key" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "subscription_mailings_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "subscription_deliveries_id" integer;
  CREATE UNIQUE INDEX "subscription_mailings_key_idx" ON "subscription_mailings" USING btree ("key");
  CREATE INDEX "subscription_mailings_kind_idx" ON "subscription_mailings" USING btree ("kind");
  CREATE INDEX "subscription_mailings_status_idx" ON "subscription_mailings" USING btree ("status");
  CREATE INDEX "subscription_mailings_topic_idx" ON "subscription_mailings" USING btree ("topic");
  CREATE INDEX "subscription_mailings_first_published_at_idx" ON "subscription_mailings" USING btree ("first_published_at");
  CREATE INDEX "subscription_mailings_period_end_idx" ON "subscription_mailings" USING btree ("period_end");
  CREATE INDEX "subscription_mailings_lease_until_idx" ON "subscription_mailings" USING btree ("lease_until");
  CREATE INDEX "subscription_mailings_updated_at_idx" ON "subscription_mailings" USING btree ("updated_at");
  CREATE INDEX "subscription_mailings_created_at_idx" ON "subscription_mailings" USING btree ("created_at");
  CREATE UNIQUE INDEX "subscription_deliveries_key_idx" ON "subscription_deliveries" USING btree ("key");
  CREATE INDEX "subscription_deliveries_mailing_idx" ON "subscription_deliveries" USING btree ("mailing");
  CREATE INDEX "subscription_deliveries_subscriber_id_idx" ON "subscription_deliveries" USING btree ("subscriber_id");
  CREATE INDEX "subscription_deliveries_status_idx" ON "subscription_deliveries" USING btree ("status");
  CREATE INDEX "subscription_deliveries_updated_at_idx" ON "subscription_deliveries" USING btree ("updated_at");
  CREATE INDEX "subscription_deliveries_created_at_idx" ON "subscription_deliveries" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subscription_mailings_fk" FOREIGN KEY ("subscription_mailings_id") REFERENCES "public"."subscription_mailings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subscription_deliveries_fk" FOREIGN KEY ("subscription_deliveries_id") REFERENCES "public"."subscription_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_subscription_mailings_id_idx" ON "payload_locked_documents_rels" USING btree ("subscription_mailings_id");
  CREATE INDEX "payload_locked_documents_rels_subscription_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("subscription_deliveries_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "subscription_mailings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subscription_deliveries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "subscription_mailings" CASCADE;
  DROP TABLE "subscription_deliveries" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_subscription_mailings_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_subscription_deliveries_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'commentModeratorDigest', 'commentPurgeClientData', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'commentModeratorDigest', 'commentPurgeClientData', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_subscription_mailings_id_idx";
  DROP INDEX "payload_locked_documents_rels_subscription_deliveries_id_idx";
  ALTER TABLE "subscribers" DROP COLUMN "manage_key";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "subscription_mailings_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "subscription_deliveries_id";
  DROP TYPE "public"."enum_subscription_mailings_kind";
  DROP TYPE "public"."enum_subscription_mailings_status";
  DROP TYPE "public"."enum_subscription_deliveries_status";`)
}
