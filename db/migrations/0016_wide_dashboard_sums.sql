ALTER TABLE "dash_cube" ALTER COLUMN "contract" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "dash_cube" ALTER COLUMN "contract" SET DEFAULT '0';--> statement-breakpoint
ALTER TABLE "dash_cube" ALTER COLUMN "big_contract" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "dash_cube" ALTER COLUMN "big_contract" SET DEFAULT '0';--> statement-breakpoint
ALTER TABLE "dash_cube_source" ALTER COLUMN "contract" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "dash_cube_source" ALTER COLUMN "contract" SET DEFAULT '0';--> statement-breakpoint
ALTER TABLE "dash_funnel" ALTER COLUMN "total" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "dash_funnel" ALTER COLUMN "total" SET DEFAULT '0';--> statement-breakpoint
ALTER TABLE "dash_pipeline" ALTER COLUMN "total" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "dash_pipeline" ALTER COLUMN "total" SET DEFAULT '0';