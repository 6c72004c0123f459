DROP INDEX "projects_stage_idx";--> statement-breakpoint
CREATE INDEX "projects_stage_idx" ON "projects" USING btree ("stage","status","updated_at");