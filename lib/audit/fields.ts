/**
 * How the audit log (/admin/audit) names a field's value: which messages hold the words for a
 * field that stores a choice, per record type ("*": the same for every type). One registry, read
 * by components/audit/audit-entry.tsx; tests/integration/history-text.test.ts checks that every
 * column of every audited table has a label and every choice a word.
 */
export const AUDIT_CHOICES: Record<string, Record<string, string>> = {
  "*": {
    stage: "stages",
    fromStage: "stages",
    toStage: "stages",
    status: "statuses",
    fromStatus: "statuses",
    toStatus: "statuses",
    source: "sources",
    capitalOrigin: "capitalOrigins",
    agreementType: "agreementTypes",
    ownershipType: "ownershipTypes",
    landUse: "landUses",
    reviewStatus: "reviewStatuses",
    role: "roles",
    dueAnchor: "dueAnchors",
    areaEnteredIn: "auditLog.areaUnits",
  },
  activity: { kind: "activityKinds" },
  parcel: { status: "parcelStatuses", fromStatus: "parcelStatuses", toStatus: "parcelStatuses" },
  event: { kind: "events.kinds" },
  task: { status: "tasks.statuses" },
  checklist_item: { status: "itemStatuses" },
  service_request: { status: "grids.statuses", category: "grids.categories" },
  workflow_template: { kind: "templateKinds" },
  checklist: { kind: "templateKinds" },
  import_mapping: { kind: "imports.kinds" },
  import: { kind: "imports.kinds", status: "imports.statuses" },
  grid_officer: { role: "grids.roles" },
};

/** The messages naming `field`'s values on a record of `entityType`, or null when it is no choice. */
export function choiceMessages(entityType: string, field: string): string | null {
  return AUDIT_CHOICES[entityType]?.[field] ?? AUDIT_CHOICES["*"]![field] ?? null;
}
