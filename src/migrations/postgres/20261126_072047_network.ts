import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_connections_status" AS ENUM('pending', 'accepted', 'declined');
  CREATE TYPE "public"."enum_connections_source" AS ENUM('request', 'import');
  CREATE TABLE "connections" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"from_id" integer NOT NULL,
  	"to_id" integer NOT NULL,
  	"status" "enum_connections_status" DEFAULT 'pending' NOT NULL,
  	"requested_at" timestamp(3) with time zone,
  	"accepted_at" timestamp(3) with time zone,
  	"source" "enum_connections_source" DEFAULT 'request' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "connections_id" integer;
  ALTER TABLE "connections" ADD CONSTRAINT "connections_from_id_members_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "connections" ADD CONSTRAINT "connections_to_id_members_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "connections_from_idx" ON "connections" USING btree ("from_id");
  CREATE INDEX "connections_to_idx" ON "connections" USING btree ("to_id");
  CREATE INDEX "connections_status_idx" ON "connections" USING btree ("status");
  CREATE INDEX "connections_accepted_at_idx" ON "connections" USING btree ("accepted_at");
  CREATE INDEX "connections_updated_at_idx" ON "connections" USING btree ("updated_at");
  CREATE INDEX "connections_created_at_idx" ON "connections" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_connections_fk" FOREIGN KEY ("connections_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_connections_id_idx" ON "payload_locked_documents_rels" USING btree ("connections_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "connections" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "connections" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_connections_fk";
  
  DROP INDEX "payload_locked_documents_rels_connections_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "connections_id";
  DROP TYPE "public"."enum_connections_status";
  DROP TYPE "public"."enum_connections_source";`)
}
