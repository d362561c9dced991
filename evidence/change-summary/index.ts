/**
 * The change summary for approvals (`govcloud diff <old cdktf.out> <new cdktf.out>`): per
 * department and zone, what a change adds, changes, removes and forgets, its quota changes and
 * its new or removed flows, so a reviewer reads ten lines instead of a JSON diff.
 *
 * - `diffArtifacts(oldStacks: readonly ArtifactStack[], newStacks: readonly ArtifactStack[], removed?: RemovedBlocks): ChangeSummary`
 *   compares two `readArtifact(outdir)` results resource by resource, by stack and Terraform
 *   address. `removed` (`{ old, new }`, each from `readRemovedBlocks(outdir)`) lets a resource that
 *   leaves through a new `removed` block with `destroy = false` be reported as forgotten (data
 *   kept) instead of removed; without it every disappearance is a removal.
 * - `diffOutdirs(oldOutdir: string, newOutdir: string): ChangeSummary` the same from two output
 *   folders, removed blocks included: what the CLI calls.
 * - `readRemovedBlocks(outdir: string): RemovedBlock[]` the `removed` blocks of every stack's
 *   `cdk.tf.json` (`{ stack, address, destroy }`).
 * - `ChangeSummary` is plain data: `groups[]` sorted by department (`<name>` of `dept-<name>`,
 *   else the stack name, e.g. `platform-shared`) then zone (the namespace's `govcloud/zone` label;
 *   a Namespace goes with its own zone; other cluster-scoped objects are `cluster`). Per group:
 *   `added`, `changed` (with `changedFields`: the shallowest paths where the converted objects
 *   differ, `(cluster)` for a move), `removed`, `forgotten` (each `{ stack, address, cluster,
 *   kind, name, namespace? }`), `quotas` (ResourceQuota `spec.hard` entries old → new) and `flows`
 *   (NetworkPolicies added, changed or removed, with their `govcloud/flow` label and
 *   `govcloud/purpose` annotation).
 * - `formatChangeSummary(summary: ChangeSummary, options?: { addresses?: boolean }): string`
 *   one line per group (`health / level-3: 1 added, 2 changed, 5 removed, 2 forgotten (data kept)`)
 *   and indented details (`+`, `~`, `-`, `forgotten (data kept):`, `quota <namespace>: requests.cpu
 *   4 → 6`, `+ flow <flow> in <namespace>: <purpose>`); exactly `no changes` when nothing differs.
 *   Deterministic; no trailing newline. `addresses: true` appends each resource's stack and address.
 *
 * Both artifacts are read, never the declaration: the summary describes what Terraform will do.
 */
export type { ChangeGroup, ChangeSummary, FlowChange, QuotaChange, ResourceChange } from "./change-summary";
export { diffArtifacts, diffOutdirs } from "./diff-artifacts";
export type { RemovedBlocks } from "./diff-artifacts";
export { formatChangeSummary } from "./format-change-summary";
export type { FormatChangeSummaryOptions } from "./format-change-summary";
export { readRemovedBlocks } from "./removed-blocks";
export type { RemovedBlock } from "./removed-blocks";
