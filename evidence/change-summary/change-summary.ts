/**
 * What changes between two artifacts, for an approver: plain, serialisable data, grouped by
 * department and zone, every list in a fixed order so two runs give the same summary.
 */
export interface ChangeSummary {
  /** Sorted by department, then zone; only groups with a change. */
  readonly groups: readonly ChangeGroup[];
}

export interface ChangeGroup {
  /** `<name>` for a `dept-<name>` stack, else the stack name (`platform-<cluster>`). */
  readonly department: string;
  /**
   * The `govcloud/zone` label of the resource's namespace (of the Namespace itself for a
   * Namespace); `cluster` for other cluster-scoped objects; `namespace <name>` for a namespace
   * without the label; `unknown` for a forgotten object neither artifact describes.
   */
  readonly zone: string;
  /** Resources by Terraform address, each list sorted by kind, namespace, name, address. */
  readonly added: readonly ResourceChange[];
  readonly changed: readonly ResourceChange[];
  /** Gone from the new artifact: Terraform destroys them. */
  readonly removed: readonly ResourceChange[];
  /** Gone through a new `removed` block with `destroy = false`: Terraform forgets them, the data stays. */
  readonly forgotten: readonly ResourceChange[];
  /** ResourceQuota `spec.hard` differences, of added, changed and removed quotas. */
  readonly quotas: readonly QuotaChange[];
  /** NetworkPolicies added, changed or removed (in that order), named by the flow they implement. */
  readonly flows: readonly FlowChange[];
}

export interface ResourceChange {
  readonly stack: string;
  /** Terraform address, `type.name`. */
  readonly address: string;
  /** Provider alias; for a move between clusters, the new one. Empty when unknown. */
  readonly cluster: string;
  readonly kind: string;
  /** Empty when unknown (a forgotten object the old artifact did not hold). */
  readonly name: string;
  readonly namespace?: string;
  /**
   * For a changed resource: where the two objects differ (`spec.hard["requests.cpu"]`,
   * `spec.template.spec.container[0].image`), the shallowest path that differs, sorted; and
   * `(cluster)` when it moved between clusters.
   */
  readonly changedFields?: readonly string[];
}

export interface QuotaChange {
  readonly stack: string;
  readonly address: string;
  readonly cluster: string;
  readonly namespace: string;
  readonly change: "added" | "changed" | "removed";
  /** Only the entries that differ, sorted by resource name; a side without the entry is absent. */
  readonly hard: ReadonlyArray<{ readonly resource: string; readonly old?: string; readonly new?: string }>;
}

export interface FlowChange {
  readonly change: "added" | "changed" | "removed";
  readonly stack: string;
  readonly address: string;
  readonly cluster: string;
  readonly namespace: string;
  /** The policy's name. */
  readonly policy: string;
  /** Its `govcloud/flow` label (`connects-to`, `sharing`, `exposure`, …), or `unlabelled`. */
  readonly flow: string;
  /** Its `govcloud/purpose` annotation, or the policy name when it has none. */
  readonly purpose: string;
  readonly changedFields?: readonly string[];
}
