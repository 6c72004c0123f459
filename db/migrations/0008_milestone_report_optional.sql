ALTER TABLE "milestones" ALTER COLUMN "review_status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "milestones" ALTER COLUMN "review_status" DROP NOT NULL;