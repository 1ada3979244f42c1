import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_erasure_requests_status" AS ENUM('pending', 'confirmed', 'completed', 'expired', 'cancelled');
  CREATE TYPE "public"."enum_erasure_requests_source" AS ENUM('member', 'staff');
  CREATE TYPE "public"."enum_privacy_log_action" AS ENUM('member-erased-by-staff');
  CREATE TYPE "public"."enum_comment_policy_erased_comment_body" AS ENUM('remove', 'keep');
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
  
  ALTER TABLE "blogs" ADD COLUMN "author_erased" boolean DEFAULT false;
  ALTER TABLE "_blogs_v" ADD COLUMN "version_author_erased" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "erasure_requests_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "privacy_log_id" integer;
  ALTER TABLE "comment_policy" ADD COLUMN "erased_comment_body" "enum_comment_policy_erased_comment_body" DEFAULT 'remove';
  ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "privacy_log" ADD CONSTRAINT "privacy_log_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
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
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_erasure_requests_fk" FOREIGN KEY ("erasure_requests_id") REFERENCES "public"."erasure_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_privacy_log_fk" FOREIGN KEY ("privacy_log_id") REFERENCES "public"."privacy_log"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_erasure_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("erasure_requests_id");
  CREATE INDEX "payload_locked_documents_rels_privacy_log_id_idx" ON "payload_locked_documents_rels" USING btree ("privacy_log_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "erasure_requests" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "privacy_log" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "erasure_requests" CASCADE;
  DROP TABLE "privacy_log" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_erasure_requests_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_privacy_log_fk";
  
  DROP INDEX "payload_locked_documents_rels_erasure_requests_id_idx";
  DROP INDEX "payload_locked_documents_rels_privacy_log_id_idx";
  ALTER TABLE "blogs" DROP COLUMN "author_erased";
  ALTER TABLE "_blogs_v" DROP COLUMN "version_author_erased";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "erasure_requests_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "privacy_log_id";
  ALTER TABLE "comment_policy" DROP COLUMN "erased_comment_body";
  DROP TYPE "public"."enum_erasure_requests_status";
  DROP TYPE "public"."enum_erasure_requests_source";
  DROP TYPE "public"."enum_privacy_log_action";
  DROP TYPE "public"."enum_comment_policy_erased_comment_body";`)
}
