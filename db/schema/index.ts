export * from "./enums";
export * from "./units";
export * from "./users";
export * from "./audit";
export * from "./auth";
export * from "./reference";
export * from "./enterprises";
export * from "./projects";
