import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["admin", "manager", "staff"]);
export type Role = (typeof roleEnum.enumValues)[number];

export const auditActionEnum = pgEnum("audit_action", [
  "create",
  "update",
  "archive",
  "restore",
  "delete",
  "activate",
  "deactivate",
  "password_change",
  "password_reset",
  "sign_in",
  "export",
  "import",
]);
export type AuditAction = (typeof auditActionEnum.enumValues)[number];

export const loginOutcomeEnum = pgEnum("login_outcome", ["success", "failure", "throttled"]);
export type LoginOutcome = (typeof loginOutcomeEnum.enumValues)[number];
