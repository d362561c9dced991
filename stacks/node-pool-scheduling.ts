import type { NodePoolModel } from "../config/model/platform-model";
import type { Taint } from "../constructs/cluster-api/cluster-api-types";
import { DEDICATED_TAINT_KEY, NODE_POOL_LABEL } from "../constructs/templates/workload-props";

/** Node labels describing the hardware and OS of a pool, for placement by hand and for inventory. */
export const NODE_LABEL = {
  arch: "govcloud/arch",
  cpuVendor: "govcloud/cpu-vendor",
  os: "govcloud/os",
  localized: "govcloud/localized",
} as const;

/**
 * What a pool's nodes register with: the labels and the taint that the templates' node selectors
 * and tolerations name (constructs/templates: `govcloud/node-pool=<pool>`, and for dedicated pools
 * `govcloud/dedicated=<pool>:NoSchedule`), from the same constants, so both sides cannot drift.
 */
export function nodePoolScheduling(pool: NodePoolModel): { labels: Record<string, string>; taints: Taint[] } {
  return {
    labels: {
      [NODE_POOL_LABEL]: pool.name,
      [NODE_LABEL.arch]: pool.arch,
      [NODE_LABEL.cpuVendor]: pool.cpuVendor,
      [NODE_LABEL.os]: pool.os,
      [NODE_LABEL.localized]: String(pool.localized),
    },
    taints: pool.dedicated ? [{ key: DEDICATED_TAINT_KEY, value: pool.name, effect: "NoSchedule" }] : [],
  };
}
