import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_comments_status" AS ENUM('pending', 'approved', 'rejected', 'spam');
  CREATE TYPE "public"."enum_comment_decisions_from" AS ENUM('pending', 'approved', 'rejected', 'spam');
  CREATE TYPE "public"."enum_comment_decisions_to" AS ENUM('pending', 'approved', 'rejected', 'spam');
  CREATE TYPE "public"."enum_comment_decisions_source" AS ENUM('rules', 'moderator', 'reports');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'commentModeratorDigest' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'commentPurgeClientData' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'commentModeratorDigest' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'commentPurgeClientData' BEFORE 'schedulePublish';
  CREATE TABLE "comments_reasons" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"rule" varchar,
  	"clause" varchar,
  	"detail" varchar
  );
  
  CREATE TABLE "comments_reports" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"member_id" integer,
  	"reason" varchar,
  	"reported_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "comments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"body" varchar NOT NULL,
  	"author_id" integer,
  	"author_name" varchar,
  	"author_email" varchar,
  	"status" "enum_comments_status" DEFAULT 'pending' NOT NULL,
  	"policy_version" varchar,
  	"decision_by_id" integer,
  	"decision_at" timestamp(3) with time zone,
  	"decision_reason" varchar,
  	"decision_clause" varchar,
  	"report_count" numeric DEFAULT 0,
  	"depth" numeric DEFAULT 1,
  	"needs_review" boolean DEFAULT true,
  	"moderators_notified_at" timestamp(3) with time zone,
  	"ip_hash" varchar,
  	"user_agent_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "comments_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"blogs_id" integer,
  	"interviews_id" integer
  );
  
  CREATE TABLE "comment_decisions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"comment_id" integer NOT NULL,
  	"from" "enum_comment_decisions_from",
  	"to" "enum_comment_decisions_to" NOT NULL,
  	"source" "enum_comment_decisions_source" NOT NULL,
  	"by_id" integer,
  	"reason" varchar,
  	"policy_version" varchar,
  	"decided_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "comment_decisions_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "comment_policy_clauses" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"number" varchar NOT NULL,
  	"title" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "comment_policy" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"version" varchar DEFAULT '1' NOT NULL,
  	"summary" varchar DEFAULT 'Read our comments policy before posting. If you have an account, please log in.',
  	"max_links" numeric DEFAULT 2 NOT NULL,
  	"hold_first_comment" boolean DEFAULT true,
  	"trusted_after" numeric DEFAULT 1 NOT NULL,
  	"flood_interval_seconds" numeric DEFAULT 15 NOT NULL,
  	"close_after_days" numeric,
  	"allow_guests" boolean DEFAULT true,
  	"reports_to_hide" numeric DEFAULT 3 NOT NULL,
  	"patient_data_guard" boolean DEFAULT true,
  	"rule_clauses_first_comment" varchar DEFAULT '1',
  	"rule_clauses_blocked_term" varchar DEFAULT '2',
  	"rule_clauses_held_term" varchar DEFAULT '3',
  	"rule_clauses_too_many_links" varchar DEFAULT '4',
  	"rule_clauses_patient_data" varchar DEFAULT '5',
  	"rule_clauses_reported" varchar DEFAULT '2',
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "comment_policy_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "blogs" ADD COLUMN "comments_enabled" boolean DEFAULT true;
  ALTER TABLE "_blogs_v" ADD COLUMN "version_comments_enabled" boolean DEFAULT true;
  ALTER TABLE "interviews" ADD COLUMN "comments_enabled" boolean DEFAULT true;
  ALTER TABLE "_interviews_v" ADD COLUMN "version_comments_enabled" boolean DEFAULT true;
  ALTER TABLE "members" ADD COLUMN "commenting_banned" boolean DEFAULT false;
  ALTER TABLE "members" ADD COLUMN "commenting_banned_until" timestamp(3) with time zone;
  ALTER TABLE "members" ADD COLUMN "commenting_ban_reason" varchar;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "comments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "comment_decisions_id" integer;
  ALTER TABLE "comments_reasons" ADD CONSTRAINT "comments_reasons_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments_reports" ADD CONSTRAINT "comments_reports_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments_reports" ADD CONSTRAINT "comments_reports_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_members_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_decision_by_id_users_id_fk" FOREIGN KEY ("decision_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments_rels" ADD CONSTRAINT "comments_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments_rels" ADD CONSTRAINT "comments_rels_blogs_fk" FOREIGN KEY ("blogs_id") REFERENCES "public"."blogs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comments_rels" ADD CONSTRAINT "comments_rels_interviews_fk" FOREIGN KEY ("interviews_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comment_decisions" ADD CONSTRAINT "comment_decisions_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comment_decisions" ADD CONSTRAINT "comment_decisions_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comment_decisions_texts" ADD CONSTRAINT "comment_decisions_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comment_decisions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comment_policy_clauses" ADD CONSTRAINT "comment_policy_clauses_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."comment_policy"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "comment_policy_texts" ADD CONSTRAINT "comment_policy_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comment_policy"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "comments_reasons_order_idx" ON "comments_reasons" USING btree ("_order");
  CREATE INDEX "comments_reasons_parent_id_idx" ON "comments_reasons" USING btree ("_parent_id");
  CREATE INDEX "comments_reasons_rule_idx" ON "comments_reasons" USING btree ("rule");
  CREATE INDEX "comments_reports_order_idx" ON "comments_reports" USING btree ("_order");
  CREATE INDEX "comments_reports_parent_id_idx" ON "comments_reports" USING btree ("_parent_id");
  CREATE INDEX "comments_reports_member_idx" ON "comments_reports" USING btree ("member_id");
  CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");
  CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");
  CREATE INDEX "comments_author_email_idx" ON "comments" USING btree ("author_email");
  CREATE INDEX "comments_status_idx" ON "comments" USING btree ("status");
  CREATE INDEX "comments_decision_decision_by_idx" ON "comments" USING btree ("decision_by_id");
  CREATE INDEX "comments_needs_review_idx" ON "comments" USING btree ("needs_review");
  CREATE INDEX "comments_ip_hash_idx" ON "comments" USING btree ("ip_hash");
  CREATE INDEX "comments_updated_at_idx" ON "comments" USING btree ("updated_at");
  CREATE INDEX "comments_created_at_idx" ON "comments" USING btree ("created_at");
  CREATE INDEX "comments_rels_order_idx" ON "comments_rels" USING btree ("order");
  CREATE INDEX "comments_rels_parent_idx" ON "comments_rels" USING btree ("parent_id");
  CREATE INDEX "comments_rels_path_idx" ON "comments_rels" USING btree ("path");
  CREATE INDEX "comments_rels_blogs_id_idx" ON "comments_rels" USING btree ("blogs_id");
  CREATE INDEX "comments_rels_interviews_id_idx" ON "comments_rels" USING btree ("interviews_id");
  CREATE INDEX "comment_decisions_comment_idx" ON "comment_decisions" USING btree ("comment_id");
  CREATE INDEX "comment_decisions_by_idx" ON "comment_decisions" USING btree ("by_id");
  CREATE INDEX "comment_decisions_decided_at_idx" ON "comment_decisions" USING btree ("decided_at");
  CREATE INDEX "comment_decisions_updated_at_idx" ON "comment_decisions" USING btree ("updated_at");
  CREATE INDEX "comment_decisions_created_at_idx" ON "comment_decisions" USING btree ("created_at");
  CREATE INDEX "comment_decisions_texts_order_parent" ON "comment_decisions_texts" USING btree ("order","parent_id");
  CREATE INDEX "comment_policy_clauses_order_idx" ON "comment_policy_clauses" USING btree ("_order");
  CREATE INDEX "comment_policy_clauses_parent_id_idx" ON "comment_policy_clauses" USING btree ("_parent_id");
  CREATE INDEX "comment_policy_texts_order_parent" ON "comment_policy_texts" USING btree ("order","parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comments_fk" FOREIGN KEY ("comments_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comment_decisions_fk" FOREIGN KEY ("comment_decisions_id") REFERENCES "public"."comment_decisions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_comments_id_idx" ON "payload_locked_documents_rels" USING btree ("comments_id");
  CREATE INDEX "payload_locked_documents_rels_comment_decisions_id_idx" ON "payload_locked_documents_rels" USING btree ("comment_decisions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "comments_reasons" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "comments_reports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "comments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "comments_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "comment_decisions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "comment_decisions_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "comment_policy_clauses" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "comment_policy" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "comment_policy_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "comments_reasons" CASCADE;
  DROP TABLE "comments_reports" CASCADE;
  DROP TABLE "comments" CASCADE;
  DROP TABLE "comments_rels" CASCADE;
  DROP TABLE "comment_decisions" CASCADE;
  DROP TABLE "comment_decisions_texts" CASCADE;
  DROP TABLE "comment_policy_clauses" CASCADE;
  DROP TABLE "comment_policy" CASCADE;
  DROP TABLE "comment_policy_texts" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_comments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_comment_decisions_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_comments_id_idx";
  DROP INDEX "payload_locked_documents_rels_comment_decisions_id_idx";
  ALTER TABLE "blogs" DROP COLUMN "comments_enabled";
  ALTER TABLE "_blogs_v" DROP COLUMN "version_comments_enabled";
  ALTER TABLE "interviews" DROP COLUMN "comments_enabled";
  ALTER TABLE "_interviews_v" DROP COLUMN "version_comments_enabled";
  ALTER TABLE "members" DROP COLUMN "commenting_banned";
  ALTER TABLE "members" DROP COLUMN "commenting_banned_until";
  ALTER TABLE "members" DROP COLUMN "commenting_ban_reason";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "comments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "comment_decisions_id";
  DROP TYPE "public"."enum_comments_status";
  DROP TYPE "public"."enum_comment_decisions_from";
  DROP TYPE "public"."enum_comment_decisions_to";
  DROP TYPE "public"."enum_comment_decisions_source";`)
}
