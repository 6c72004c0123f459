CREATE TABLE "dash_cube" (
	"g" char(1) NOT NULL,
	"d" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"chain_id" uuid,
	"park_id" uuid,
	"leads" integer DEFAULT 0 NOT NULL,
	"reached1" integer DEFAULT 0 NOT NULL,
	"reached2" integer DEFAULT 0 NOT NULL,
	"reached3" integer DEFAULT 0 NOT NULL,
	"reached4" integer DEFAULT 0 NOT NULL,
	"reached5" integer DEFAULT 0 NOT NULL,
	"reached6" integer DEFAULT 0 NOT NULL,
	"reached7" integer DEFAULT 0 NOT NULL,
	"reached8" integer DEFAULT 0 NOT NULL,
	"signed" integer DEFAULT 0 NOT NULL,
	"contract" numeric(20, 2) DEFAULT '0' NOT NULL,
	"big" integer DEFAULT 0 NOT NULL,
	"big_contract" numeric(20, 2) DEFAULT '0' NOT NULL,
	"top500" integer DEFAULT 0 NOT NULL,
	"central_soe" integer DEFAULT 0 NOT NULL,
	"listed" integer DEFAULT 0 NOT NULL,
	"starts" integer DEFAULT 0 NOT NULL,
	"operating" integer DEFAULT 0 NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"receptions" integer DEFAULT 0 NOT NULL,
	"promotions" integer DEFAULT 0 NOT NULL,
	"idle" integer DEFAULT 0 NOT NULL,
	"open_tasks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dash_cube_key" UNIQUE NULLS NOT DISTINCT("g","d","unit_id","owner_id","chain_id","park_id")
);
--> statement-breakpoint
CREATE TABLE "dash_cube_source" (
	"g" char(1) NOT NULL,
	"d" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"chain_id" uuid,
	"park_id" uuid,
	"source" "project_source" NOT NULL,
	"signed" integer DEFAULT 0 NOT NULL,
	"contract" numeric(20, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "dash_cube_source_key" UNIQUE NULLS NOT DISTINCT("g","d","unit_id","owner_id","chain_id","park_id","source")
);
--> statement-breakpoint
CREATE TABLE "dash_facts" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"chain_id" uuid,
	"park_id" uuid,
	"source" "project_source" NOT NULL,
	"stage" "project_stage" NOT NULL,
	"status" "project_status" NOT NULL,
	"total_investment" numeric(20, 2) NOT NULL,
	"created_on" date NOT NULL,
	"last_touch_on" date NOT NULL,
	"r0" date,
	"r1" date,
	"r2" date,
	"r3" date,
	"r4" date,
	"r5" date,
	"r6" date,
	"r7" date,
	"r8" date
);
--> statement-breakpoint
CREATE TABLE "dash_funnel" (
	"g" char(1) NOT NULL,
	"d" date NOT NULL,
	"unit_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"chain_id" uuid,
	"park_id" uuid,
	"stage" "project_stage" NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"total" numeric(20, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "dash_funnel_key" UNIQUE NULLS NOT DISTINCT("g","d","unit_id","owner_id","chain_id","park_id","stage")
);
--> statement-breakpoint
CREATE TABLE "dash_pipeline" (
	"unit_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"chain_id" uuid,
	"park_id" uuid,
	"stage" "project_stage" NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"total" numeric(20, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "dash_pipeline_key" UNIQUE NULLS NOT DISTINCT("unit_id","owner_id","chain_id","park_id","stage")
);
--> statement-breakpoint
CREATE TABLE "dash_signed" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"chain_id" uuid,
	"park_id" uuid,
	"source" "project_source" NOT NULL,
	"signed_on" date NOT NULL,
	"contract" numeric(20, 2) NOT NULL,
	"total_investment" numeric(20, 2) NOT NULL,
	"top500" boolean NOT NULL,
	"central_soe" boolean NOT NULL,
	"listed" boolean NOT NULL,
	"reg_on" date,
	"reg_pending_on" date,
	"start_on" date,
	"start_pending_on" date,
	"op_on" date,
	"op_pending_on" date,
	"kept_break" date,
	"kept_pending_break" date,
	"funds_total" numeric(20, 2) NOT NULL,
	"funds_first_on" date,
	"funds_last_on" date
);
--> statement-breakpoint
ALTER TABLE "dash_facts" ADD CONSTRAINT "dash_facts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dash_signed" ADD CONSTRAINT "dash_signed_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dash_facts_created_idx" ON "dash_facts" USING btree ("created_on");--> statement-breakpoint
CREATE INDEX "dash_signed_signed_idx" ON "dash_signed" USING btree ("signed_on");