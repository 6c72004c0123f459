DROP INDEX "projects_stage_idx";--> statement-breakpoint
DROP INDEX "projects_unit_stage_idx";--> statement-breakpoint
DROP INDEX "projects_enterprise_idx";--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree (("name" collate "C"));--> statement-breakpoint
CREATE INDEX "enterprises_archived_idx" ON "enterprises" USING btree ("archived_at") WHERE "enterprises"."archived_at" is not null;--> statement-breakpoint
CREATE INDEX "projects_archived_idx" ON "projects" USING btree ("archived_at") WHERE "projects"."archived_at" is not null;--> statement-breakpoint
CREATE INDEX "projects_stage_idx" ON "projects" USING btree ("stage","status","updated_at") WHERE "projects"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "projects_unit_stage_idx" ON "projects" USING btree ("unit_id","stage","status","total_investment") WHERE "projects"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "projects_enterprise_idx" ON "projects" USING btree ("enterprise_id",("name" collate "C"));