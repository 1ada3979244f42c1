import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_comments_reports_outcome" AS ENUM('upheld', 'not-upheld');
  CREATE TYPE "public"."enum_comments_appeal_status" AS ENUM('pending', 'upheld', 'overturned');
  ALTER TYPE "public"."enum_comment_decisions_source" ADD VALUE 'appeal';
  DROP INDEX "status_needsReview_createdAt_idx";
  ALTER TABLE "comments_reports" ADD COLUMN "weight" numeric;
  ALTER TABLE "comments_reports" ADD COLUMN "outcome" "enum_comments_reports_outcome";
  ALTER TABLE "comments" ADD COLUMN "urgent" boolean DEFAULT false;
  ALTER TABLE "comments" ADD COLUMN "appeal_reason" varchar;
  ALTER TABLE "comments" ADD COLUMN "appeal_appealed_at" timestamp(3) with time zone;
  ALTER TABLE "comments" ADD COLUMN "appeal_status" "enum_comments_appeal_status";
  ALTER TABLE "comments" ADD COLUMN "appeal_rejected_by_id" integer;
  ALTER TABLE "comments" ADD COLUMN "appeal_decided_by_id" integer;
  ALTER TABLE "comments" ADD COLUMN "appeal_decided_at" timestamp(3) with time zone;
  ALTER TABLE "comments" ADD COLUMN "appeal_note" varchar;
  ALTER TABLE "comments" ADD COLUMN "appeal_clause" varchar;
  ALTER TABLE "comment_policy" ADD COLUMN "chi_number_guard" boolean DEFAULT true;
  ALTER TABLE "comment_policy" ADD COLUMN "hc_number_guard" boolean DEFAULT true;
  ALTER TABLE "comment_policy" ADD COLUMN "rule_clauses_chi_number" varchar DEFAULT '5';
  ALTER TABLE "comment_policy" ADD COLUMN "rule_clauses_hc_number" varchar DEFAULT '5';
  ALTER TABLE "comment_policy" ADD COLUMN "rule_clauses_safeguarding" varchar DEFAULT '6';
  ALTER TABLE "comment_policy" ADD COLUMN "safeguarding_lane" boolean DEFAULT true;
  ALTER TABLE "comment_policy" ADD COLUMN "safeguarding_reply_subject" varchar DEFAULT 'We read your comment, and we are here';
  ALTER TABLE "comment_policy" ADD COLUMN "safeguarding_reply" varchar DEFAULT 'Thank you for your comment. Something you wrote made us want to check that you are all right, so it is not published yet: a member of our team will read it first.
  
  If you are struggling or feel you might harm yourself, you do not have to cope alone. You can talk to someone now:
  
  Samaritans: call 116 123, free, any time of day or night, or email jo@samaritans.org.
  
  Shout: text SHOUT to 85258, free, any time.
  
  NHS 111: call 111 or go to 111.nhs.uk if you need urgent help or advice, including for your mental health.
  
  In an emergency, or if you or someone else is in danger right now, call 999 or go to A&E.
  
  Only our moderators will read your comment before anything is decided about publishing it. You do not need to reply to this email.';
  ALTER TABLE "comment_policy" ADD COLUMN "appeal_window_days" numeric DEFAULT 14 NOT NULL;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_appeal_rejected_by_id_users_id_fk" FOREIGN KEY ("appeal_rejected_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_appeal_decided_by_id_users_id_fk" FOREIGN KEY ("appeal_decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "comments_urgent_idx" ON "comments" USING btree ("urgent");
  CREATE INDEX "comments_appeal_appeal_rejected_by_idx" ON "comments" USING btree ("appeal_rejected_by_id");
  CREATE INDEX "comments_appeal_appeal_decided_by_idx" ON "comments" USING btree ("appeal_decided_by_id");
  CREATE INDEX "status_urgent_needsReview_createdAt_idx" ON "comments" USING btree ("status","urgent","needs_review","created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "comments" DROP CONSTRAINT "comments_appeal_rejected_by_id_users_id_fk";
  
  ALTER TABLE "comments" DROP CONSTRAINT "comments_appeal_decided_by_id_users_id_fk";
  
  ALTER TABLE "comment_decisions" ALTER COLUMN "source" SET DATA TYPE text;
  DROP TYPE "public"."enum_comment_decisions_source";
  CREATE TYPE "public"."enum_comment_decisions_source" AS ENUM('rules', 'moderator', 'reports');
  ALTER TABLE "comment_decisions" ALTER COLUMN "source" SET DATA TYPE "public"."enum_comment_decisions_source" USING "source"::"public"."enum_comment_decisions_source";
  DROP INDEX "comments_urgent_idx";
  DROP INDEX "comments_appeal_appeal_rejected_by_idx";
  DROP INDEX "comments_appeal_appeal_decided_by_idx";
  DROP INDEX "status_urgent_needsReview_createdAt_idx";
  CREATE INDEX "status_needsReview_createdAt_idx" ON "comments" USING btree ("status","needs_review","created_at");
  ALTER TABLE "comments_reports" DROP COLUMN "weight";
  ALTER TABLE "comments_reports" DROP COLUMN "outcome";
  ALTER TABLE "comments" DROP COLUMN "urgent";
  ALTER TABLE "comments" DROP COLUMN "appeal_reason";
  ALTER TABLE "comments" DROP COLUMN "appeal_appealed_at";
  ALTER TABLE "comments" DROP COLUMN "appeal_status";
  ALTER TABLE "comments" DROP COLUMN "appeal_rejected_by_id";
  ALTER TABLE "comments" DROP COLUMN "appeal_decided_by_id";
  ALTER TABLE "comments" DROP COLUMN "appeal_decided_at";
  ALTER TABLE "comments" DROP COLUMN "appeal_note";
  ALTER TABLE "comments" DROP COLUMN "appeal_clause";
  ALTER TABLE "comment_policy" DROP COLUMN "chi_number_guard";
  ALTER TABLE "comment_policy" DROP COLUMN "hc_number_guard";
  ALTER TABLE "comment_policy" DROP COLUMN "rule_clauses_chi_number";
  ALTER TABLE "comment_policy" DROP COLUMN "rule_clauses_hc_number";
  ALTER TABLE "comment_policy" DROP COLUMN "rule_clauses_safeguarding";
  ALTER TABLE "comment_policy" DROP COLUMN "safeguarding_lane";
  ALTER TABLE "comment_policy" DROP COLUMN "safeguarding_reply_subject";
  ALTER TABLE "comment_policy" DROP COLUMN "safeguarding_reply";
  ALTER TABLE "comment_policy" DROP COLUMN "appeal_window_days";
  DROP TYPE "public"."enum_comments_reports_outcome";
  DROP TYPE "public"."enum_comments_appeal_status";`)
}
