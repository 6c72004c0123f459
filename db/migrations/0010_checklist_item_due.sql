ALTER TABLE "checklist_items" ADD COLUMN "due_offset_days" integer;--> statement-breakpoint
ALTER TABLE "checklist_items" ADD COLUMN "due_anchor" "due_anchor" DEFAULT 'start' NOT NULL;