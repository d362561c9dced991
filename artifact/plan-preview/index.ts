export { planPreview, dataLossRefusals } from "./plan-preview";
export { formatPlanPreview } from "./format-plan-preview";
export type { StackPlan, PlannedChange, PlanAction } from "./plan-stack";
export { previewDeclaration } from "./preview-declaration";
