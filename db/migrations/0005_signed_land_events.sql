CREATE TYPE "public"."agreement_type" AS ENUM('framework', 'investment', 'formal_contract');--> statement-breakpoint
CREATE TYPE "public"."area_unit" AS ENUM('mu', 'sqm');--> statement-breakpoint
CREATE TYPE "public"."event_kind" AS ENUM('promotion_event', 'signing_ceremony');--> statement-breakpoint
CREATE TYPE "public"."land_use" AS ENUM('industrial_m1', 'new_industrial_m0', 'rnd', 'commercial', 'other');--> statement-breakpoint
CREATE TYPE "public"."parcel_status" AS ENUM('reserved', 'cleared', 'listed', 'transferred', 'under_construction', 'completed');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('draft', 'pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "funds_in_place" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"stage" "project_stage" NOT NULL,
	"planned_date" date,
	"actual_date" date,
	"company_uscc" text,
	"company_name" text,
	"parcel_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"review_status" "review_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by_id" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_id" uuid,
	"review_comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_projects" (
	"event_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_projects_event_id_project_id_pk" PRIMARY KEY("event_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "event_kind" NOT NULL,
	"held_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"host_unit_id" uuid,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parcel_status_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "parcel_status_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"parcel_id" uuid NOT NULL,
	"from_status" "parcel_status",
	"to_status" "parcel_status" NOT NULL,
	"changed_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parcels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"park_id" uuid NOT NULL,
	"zone_id" uuid,
	"location" text DEFAULT '' NOT NULL,
	"area_mu" numeric(18, 6) NOT NULL,
	"area_entered_in" "area_unit" DEFAULT 'mu' NOT NULL,
	"land_use" "land_use" DEFAULT 'industrial_m1' NOT NULL,
	"floor_area_ratio" numeric(6, 2),
	"planned_floor_area_sqm" numeric(14, 2),
	"status" "parcel_status" DEFAULT 'reserved' NOT NULL,
	"status_changed_on" date,
	"transfer_date" date,
	"land_price" numeric(20, 2),
	"project_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "parcels_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "parks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"district_code" text DEFAULT '' NOT NULL,
	"area_mu" numeric(18, 6),
	"leading_chain_id" uuid,
	"operator" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "parks_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"name" text NOT NULL,
	"area_mu" numeric(18, 6),
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "park_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "land_need_mu" numeric(18, 6);--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "land_use" "land_use";--> statement-breakpoint
ALTER TABLE "signings" ADD COLUMN "agreement_type" "agreement_type" DEFAULT 'investment' NOT NULL;--> statement-breakpoint
ALTER TABLE "signings" ADD COLUMN "phase1_investment" numeric(20, 2);--> statement-breakpoint
ALTER TABLE "signings" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "signings" ADD COLUMN "steward_id" uuid;--> statement-breakpoint
ALTER TABLE "signings" ADD COLUMN "responsible_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "funds_in_place" ADD CONSTRAINT "funds_in_place_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds_in_place" ADD CONSTRAINT "funds_in_place_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_parcel_id_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_projects" ADD CONSTRAINT "event_projects_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_projects" ADD CONSTRAINT "event_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_host_unit_id_units_id_fk" FOREIGN KEY ("host_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcel_status_changes" ADD CONSTRAINT "parcel_status_changes_parcel_id_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcel_status_changes" ADD CONSTRAINT "parcel_status_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_leading_chain_id_industry_chains_id_fk" FOREIGN KEY ("leading_chain_id") REFERENCES "public"."industry_chains"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funds_in_place_project_idx" ON "funds_in_place" USING btree ("project_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "milestones_project_stage_idx" ON "milestones" USING btree ("project_id","stage");--> statement-breakpoint
CREATE INDEX "milestones_review_idx" ON "milestones" USING btree ("review_status","stage");--> statement-breakpoint
CREATE INDEX "event_projects_project_idx" ON "event_projects" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "events_held_on_idx" ON "events" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "parcel_status_changes_parcel_idx" ON "parcel_status_changes" USING btree ("parcel_id","changed_on");--> statement-breakpoint
CREATE INDEX "parcels_park_idx" ON "parcels" USING btree ("park_id","zone_id");--> statement-breakpoint
CREATE INDEX "parcels_status_idx" ON "parcels" USING btree ("status");--> statement-breakpoint
CREATE INDEX "parcels_land_use_idx" ON "parcels" USING btree ("land_use");--> statement-breakpoint
CREATE INDEX "parcels_area_idx" ON "parcels" USING btree ("area_mu");--> statement-breakpoint
CREATE INDEX "parcels_project_idx" ON "parcels" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "zones_park_name_idx" ON "zones" USING btree ("park_id","name");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signings" ADD CONSTRAINT "signings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signings" ADD CONSTRAINT "signings_steward_id_users_id_fk" FOREIGN KEY ("steward_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signings" ADD CONSTRAINT "signings_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projects_park_idx" ON "projects" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "signings_date_idx" ON "signings" USING btree ("signing_date");--> statement-breakpoint
CREATE INDEX "signings_event_idx" ON "signings" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "signings_steward_idx" ON "signings" USING btree ("steward_id");