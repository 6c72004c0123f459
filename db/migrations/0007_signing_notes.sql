ALTER TABLE "signings" ADD COLUMN "progress" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "signings" ADD COLUMN "issues" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "signings" ADD COLUMN "note" text DEFAULT '' NOT NULL;