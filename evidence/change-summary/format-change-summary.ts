import type { ChangeGroup, ChangeSummary, FlowChange, QuotaChange, ResourceChange } from "./change-summary";

export interface FormatChangeSummaryOptions {
  /** Print each resource's Terraform address after it. @default - kinds and names only */
  readonly addresses?: boolean;
}

/** Resources listed on one line before the rest are counted; keeps a large change readable. */
const MAX_LISTED = 8;
/** Changed field paths shown per resource. */
const MAX_FIELDS = 3;

/**
 * The summary a reviewer reads: one line per department and zone with its counts, then indented
 * details: `+` added, `~` changed, `-` removed (destroyed), forgotten (data kept), quota changes
 * old → new, and flows (NetworkPolicies, by flow and purpose; an ingress and egress pair with
 * one purpose is one line). Quotas and policies are detailed on their own lines, not as
 * resources. The counts are of resources, as `terraform plan` counts them. `no changes` for
 * identical artifacts. No trailing newline.
 */
export function formatChangeSummary(summary: ChangeSummary, options: FormatChangeSummaryOptions = {}): string {
  if (summary.groups.length === 0) return "no changes";
  return summary.groups.flatMap((group) => [header(group), ...details(group, options)]).join("\n");
}

function header(group: ChangeGroup): string {
  const counts = [
    [group.added.length, "added"],
    [group.changed.length, "changed"],
    [group.removed.length, "removed"],
    [group.forgotten.length, "forgotten (data kept)"],
  ] as const;
  return `${group.department} / ${group.zone}: ${counts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(", ")}`;
}

function details(group: ChangeGroup, options: FormatChangeSummaryOptions): string[] {
  const plain = (list: readonly ResourceChange[]) => list.filter((r) => r.kind !== "ResourceQuota" && r.kind !== "NetworkPolicy");
  // A quota whose limits alone changed is said in full by its quota line; anything else about it is not.
  const changed = group.changed.filter(
    (r) => r.kind !== "NetworkPolicy" && !(r.kind === "ResourceQuota" && (r.changedFields ?? []).every((f) => f.startsWith("spec.hard"))),
  );
  const listed = (mark: string, list: readonly ResourceChange[]) => (list.length === 0 ? [] : [`  ${mark} ${listOf(list, options)}`]);
  return [
    ...listed("+", plain(group.added)),
    ...changed.map((r) => `  ~ ${resourceName(r, options)}: ${fieldsOf(r.changedFields ?? [])}`),
    ...listed("-", plain(group.removed)),
    ...(group.forgotten.length === 0 ? [] : [`  forgotten (data kept): ${listOf(group.forgotten, options)}`]),
    ...group.quotas.map(quotaLine),
    ...flowLines(group.flows),
  ];
}

function listOf(list: readonly ResourceChange[], options: FormatChangeSummaryOptions): string {
  const names = list.slice(0, MAX_LISTED).map((r) => resourceName(r, options));
  return list.length > MAX_LISTED ? `${names.join(", ")} and ${list.length - MAX_LISTED} more` : names.join(", ");
}

function resourceName(r: ResourceChange, options: FormatChangeSummaryOptions): string {
  const name = r.namespace === undefined ? r.name : `${r.namespace}/${r.name}`;
  const text = name === "" ? r.kind : `${r.kind} ${name}`;
  return options.addresses ? `${text} (${r.stack}: ${r.address})` : text;
}

function fieldsOf(fields: readonly string[]): string {
  const shown = fields.slice(0, MAX_FIELDS).join(", ");
  return fields.length > MAX_FIELDS ? `${shown} and ${fields.length - MAX_FIELDS} more` : shown;
}

function quotaLine(q: QuotaChange): string {
  const values = q.hard.map((h) => (q.change === "changed" ? `${h.resource} ${h.old ?? "none"} → ${h.new ?? "none"}` : `${h.resource} ${h.new ?? h.old}`));
  const what = q.change === "changed" ? "" : ` (${q.change === "added" ? "new" : "removed"})`;
  return `  quota ${q.namespace}${what}: ${values.join(", ")}`;
}

function flowLines(flows: readonly FlowChange[]): string[] {
  const mark = { added: "+", changed: "~", removed: "-" } as const;
  const lines: string[] = [];
  for (const change of ["added", "changed", "removed"] as const) {
    const seen = new Set<string>();
    for (const f of flows.filter((flow) => flow.change === change)) {
      const fields = f.changedFields ? ` (${fieldsOf(f.changedFields)})` : "";
      const line = `  ${mark[change]} flow ${f.flow} in ${f.namespace}: ${f.purpose}${fields}`;
      if (!seen.has(line)) lines.push(line);
      seen.add(line);
    }
  }
  return lines;
}
