import type { PlatformModel } from "../../config/model/platform-model";
import type { AllocatedQuota } from "./allocated-quotas";
import type { DepartmentShowback } from "./ledger";
import { ratioOf, sumAmounts, type ResourceAmounts } from "./resource-amounts";

/**
 * What each department holds of the platform: its quotas as applied, per environment, and its
 * share of everything allocated. Shares are of allocated quota, not of capacity, so they sum to
 * one and split the platform's running cost without charging anyone for idle headroom.
 */
export function departmentShowback(model: PlatformModel, quotas: readonly AllocatedQuota[], total: ResourceAmounts): DepartmentShowback[] {
  const names = [...new Set(quotas.map((q) => q.department))].sort(compareText);
  return names.map((department) => {
    const own = quotas.filter((q) => q.department === department);
    const allocated = sumAmounts(own.map((q) => q.amounts));
    return {
      department,
      displayName: model.departments.find((d) => d.name === department)?.displayName ?? department,
      allocated,
      share: ratioOf(allocated, total),
      environments: own
        .map((q) => ({ environment: q.environment, cluster: q.cluster, namespace: q.namespace, allocated: q.amounts }))
        .sort((a, b) => compareText(a.environment, b.environment) || compareText(a.cluster, b.cluster)),
    };
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
