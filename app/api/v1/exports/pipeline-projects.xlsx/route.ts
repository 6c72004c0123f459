import { pipelineExportRoute } from "@/lib/signed/export-route";

export const dynamic = "force-dynamic";
export const GET = pipelineExportRoute("xlsx");
