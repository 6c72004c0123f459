export * from "./enums";
export * from "./units";
export * from "./users";
export * from "./audit";
export * from "./auth";
