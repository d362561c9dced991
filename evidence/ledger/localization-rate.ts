import type { NodePoolModel, PlatformModel } from "../../config/model/platform-model";
import type { LocalizationLedger, LocalizationRate } from "./ledger";
import { ratio } from "./resource-amounts";

/**
 * Share of node capacity on `localized` pools (domestic CPU and OS), by node count and by CPU,
 * per cluster and overall. From the declared pools: the artifact does not describe nodes.
 */
export function localizationRate(model: PlatformModel): LocalizationLedger {
  return {
    clusters: model.clusters.map((cluster) => rateOf(cluster.name, cluster.nodePools)),
    overall: rateOf("all", model.clusters.flatMap((cluster) => cluster.nodePools)),
  };
}

function rateOf(scope: string, pools: readonly NodePoolModel[]): LocalizationRate {
  const localized = pools.filter((p) => p.localized);
  const nodes = countNodes(pools);
  const localizedNodes = countNodes(localized);
  const cpuMillis = countCpu(pools);
  const localizedCpuMillis = countCpu(localized);
  return { scope, nodes, localizedNodes, cpuMillis, localizedCpuMillis, nodeRate: ratio(localizedNodes, nodes), cpuRate: ratio(localizedCpuMillis, cpuMillis) };
}

const countNodes = (pools: readonly NodePoolModel[]) => pools.reduce((n, p) => n + p.nodes, 0);
const countCpu = (pools: readonly NodePoolModel[]) => pools.reduce((n, p) => n + p.nodes * p.nodeCpu.millis, 0);
