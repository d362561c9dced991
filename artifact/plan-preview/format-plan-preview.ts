import type { PlannedChange, StackPlan } from "./plan-stack";
import { show } from "./plan-preview";

/** Terraform's marks, as `terraform plan` prints them. */
const MARK: Readonly<Record<PlannedChange["action"], string>> = { create: "+", import: " ", update: "~", replace: "-/+", destroy: "-", forget: ".", move: "+" };

/** Terraform's sentences for each action. */
function sentence(change: PlannedChange): string {
  switch (change.action) {
    case "create":
      return "will be created";
    case "import":
      return "will be imported";
    case "update":
      return "will be updated in-place";
    case "replace":
      return `must be replaced (${change.forcedBy!.path} forces replacement)`;
    case "destroy":
      return "will be destroyed";
    case "forget":
      return "will no longer be managed by Terraform (removed, destroy = false)";
    case "move":
      // Terraform reads the address through its new provider, finds nothing there and creates it;
      // the object through the old provider keeps running, out of state.
      return `will be created through kubernetes.${change.toCluster}; the object through kubernetes.${change.fromCluster} is left running, no longer managed`;
  }
}

interface Totals {
  import: number;
  add: number;
  change: number;
  destroy: number;
  forget: number;
}

function totals(changes: readonly PlannedChange[]): Totals {
  const count = (...actions: PlannedChange["action"][]) => changes.filter((c) => actions.includes(c.action)).length;
  return { import: count("import"), add: count("create", "replace", "move"), change: count("update"), destroy: count("destroy", "replace"), forget: count("forget") };
}

const totalsLine = (t: Totals) => `${t.import > 0 ? `${t.import} to import, ` : ""}${t.add} to add, ${t.change} to change, ${t.destroy} to destroy${t.forget > 0 ? `, ${t.forget} to forget` : ""}.`;

/**
 * The preview in Terraform's language: per stack with changes, each address with its mark and
 * sentence (updates list their attributes old -> new, replacements the attribute that forces
 * them), the stack's "Plan:" line; stacks without changes counted; the totals line last.
 */
export function formatPlanPreview(plans: readonly StackPlan[]): string {
  const lines: string[] = [];
  const changed = plans.filter((p) => p.changes.length > 0);
  for (const plan of changed) {
    lines.push(`${plan.stack}:`);
    for (const change of plan.changes) {
      lines.push(`  ${MARK[change.action]} ${change.address} ${sentence(change)}${change.holdsData ? " [holds data]" : ""}`);
      if (change.action === "replace") lines.push(`      ${change.forcedBy!.path}: ${show(change.forcedBy!.before)} -> ${show(change.forcedBy!.after)}`);
      for (const attribute of change.changes ?? []) lines.push(`      ${attribute.path}: ${show(attribute.before)} -> ${show(attribute.after)}`);
    }
    lines.push(`  Plan: ${totalsLine(totals(plan.changes))}`, "");
  }
  const unchanged = plans.length - changed.length;
  if (unchanged > 0) lines.push(`${unchanged} stack${unchanged === 1 ? "" : "s"} without changes.`);
  lines.push(`Total: ${totalsLine(totals(plans.flatMap((p) => p.changes)))}`);
  return `${lines.join("\n")}\n`;
}
