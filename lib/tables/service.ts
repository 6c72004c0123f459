import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userTableColumns } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { parseOrThrow } from "@/lib/validation";
import { shownColumns, tableColumnsSchema, type TableKey } from "./columns";

/** The columns the viewer shows in a wide list (their own choice, or the defaults). */
export async function tableColumnsOf(db: DbOrTx, viewer: Viewer, table: TableKey): Promise<string[]> {
  const [row] = await db
    .select({ columns: userTableColumns.columns })
    .from(userTableColumns)
    .where(and(eq(userTableColumns.userId, viewer.id), eq(userTableColumns.tableKey, table)));
  return shownColumns(table, row?.columns);
}

/**
 * Keeps the viewer's choice of columns for a list (only their own; a preference, not a record:
 * no version and no audit). An empty choice goes back to the defaults.
 */
export async function saveTableColumns(db: DbOrTx, viewer: Viewer, input: unknown): Promise<string[]> {
  const { table, columns } = parseOrThrow(tableColumnsSchema, input);
  if (columns.length === 0) {
    await db.delete(userTableColumns).where(and(eq(userTableColumns.userId, viewer.id), eq(userTableColumns.tableKey, table)));
    return shownColumns(table, null);
  }
  const shown = shownColumns(table, columns);
  await db
    .insert(userTableColumns)
    .values({ userId: viewer.id, tableKey: table, columns: shown })
    .onConflictDoUpdate({ target: [userTableColumns.userId, userTableColumns.tableKey], set: { columns: shown, updatedAt: new Date() } });
  return shown;
}
