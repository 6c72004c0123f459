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

/** Pipeline stages: fixed keys, in order; labels live in the message files. */
export const projectStageEnum = pgEnum("project_stage", [
  "lead",
  "negotiating",
  "intent",
  "signed",
  "registered",
  "land_secured",
  "construction",
  "completed",
  "operating",
]);
export type ProjectStage = (typeof projectStageEnum.enumValues)[number];

export const projectStatusEnum = pgEnum("project_status", ["active", "on_hold", "lost"]);
export type ProjectStatus = (typeof projectStatusEnum.enumValues)[number];

/** 推介会 / 以商招商 / 中介 / 驻外招商 / 网络 / 自主上门 / 其他 */
export const projectSourceEnum = pgEnum("project_source", [
  "promotion_event",
  "business_referral",
  "intermediary",
  "resident_office",
  "online",
  "walk_in",
  "other",
]);
export type ProjectSource = (typeof projectSourceEnum.enumValues)[number];

/** 本地 / 市外 / 省外 / 境外 / 港澳台 */
export const capitalOriginEnum = pgEnum("capital_origin", ["local", "out_of_city", "out_of_province", "foreign", "hk_macao_taiwan"]);
export type CapitalOrigin = (typeof capitalOriginEnum.enumValues)[number];

/** 央企 / 国企 / 民企 / 外资 / 港澳台 / 其他 */
export const ownershipTypeEnum = pgEnum("ownership_type", ["central_soe", "local_soe", "private", "foreign", "hk_macao_taiwan", "other"]);
export type OwnershipType = (typeof ownershipTypeEnum.enumValues)[number];

/** 走访 / 来访 / 电话 / 洽谈 / 考察 / 推介会 / 其他 */
export const activityKindEnum = pgEnum("activity_kind", ["visit", "reception", "call", "meeting", "site_visit", "promotion_event", "other"]);
export type ActivityKind = (typeof activityKindEnum.enumValues)[number];

export const taskStatusEnum = pgEnum("task_status", ["open", "done", "cancelled"]);
export type TaskStatus = (typeof taskStatusEnum.enumValues)[number];

/** 协议类型: 框架协议 / 投资协议 / 正式合同 */
export const agreementTypeEnum = pgEnum("agreement_type", ["framework", "investment", "formal_contract"]);
export type AgreementType = (typeof agreementTypeEnum.enumValues)[number];

/** 审核 (已保存 / 审核中 / 通过 / 退回): a stage report counts in official figures only when approved. */
export const reviewStatusEnum = pgEnum("review_status", ["draft", "pending", "approved", "rejected"]);
export type ReviewStatus = (typeof reviewStatusEnum.enumValues)[number];

/** 待腾空 → 已腾空 → 已挂牌 → 已出让 → 已开工 → 已竣工 */
export const parcelStatusEnum = pgEnum("parcel_status", ["reserved", "cleared", "listed", "transferred", "under_construction", "completed"]);
export type ParcelStatus = (typeof parcelStatusEnum.enumValues)[number];

/** 用地性质: 工业 M1 / 新型产业 M0 / 研发 / 商业 / 其他 */
export const landUseEnum = pgEnum("land_use", ["industrial_m1", "new_industrial_m0", "rnd", "commercial", "other"]);
export type LandUse = (typeof landUseEnum.enumValues)[number];

/** The unit an area was typed in: kept so the form shows it back as entered. */
export const areaUnitEnum = pgEnum("area_unit", ["mu", "sqm"]);
export type AreaUnit = (typeof areaUnitEnum.enumValues)[number];

/** 推介会 / 集中签约仪式 */
export const eventKindEnum = pgEnum("event_kind", ["promotion_event", "signing_ceremony"]);
export type EventKind = (typeof eventKindEnum.enumValues)[number];

/** What a workflow template is for: a park's (or zone's) mechanism, or a signed project's service. */
export const templateKindEnum = pgEnum("template_kind", ["park_mechanism", "project_service"]);
export type TemplateKind = (typeof templateKindEnum.enumValues)[number];

/** 未启动 / 推进中 / 已完成 */
export const checklistItemStatusEnum = pgEnum("checklist_item_status", ["not_started", "in_progress", "done"]);
export type ChecklistItemStatus = (typeof checklistItemStatusEnum.enumValues)[number];

/** What an item's due offset counts from: the day the checklist started, the signing, or the land (供地) date. */
export const dueAnchorEnum = pgEnum("due_anchor", ["start", "signing", "land"]);
export type DueAnchor = (typeof dueAnchorEnum.enumValues)[number];

/** 网格长 / 网格员 */
export const gridRoleEnum = pgEnum("grid_role", ["lead", "member"]);
export type GridRole = (typeof gridRoleEnum.enumValues)[number];

/** 诉求类别: 政策咨询 / 用地用房 / 融资 / 人才 / 审批办证 / 水电气暖 / 市场开拓 / 其他 */
export const requestCategoryEnum = pgEnum("request_category", ["policy", "land_space", "financing", "talent", "approval", "utilities", "market", "other"]);
export type RequestCategory = (typeof requestCategoryEnum.enumValues)[number];

/** 诉求 under the "1510" rule: received → accepted (same day) → replied (5 working days) → resolved (10 working days). */
export const requestStatusEnum = pgEnum("request_status", ["received", "accepted", "replied", "resolved"]);
export type RequestStatus = (typeof requestStatusEnum.enumValues)[number];

/** What an import brings in: investors, or projects (signed ones with their signing facts). */
export const importKindEnum = pgEnum("import_kind", ["enterprises", "projects"]);
export type ImportKind = (typeof importKindEnum.enumValues)[number];

export const importStatusEnum = pgEnum("import_status", ["committed", "reverted"]);
export type ImportStatus = (typeof importStatusEnum.enumValues)[number];
