import type { PlatformModel } from "../../config/model/platform-model";
import { Bytes, Cpu } from "../../config/model/quantity";
import type { DepartmentShowback, Footprint, InfrastructureComparison, LedgerParameterUse, StandaloneWorkers } from "./ledger";
import { DEFAULT_LEDGER_PARAMETERS, LEDGER_PARAMETER_DESCRIPTIONS, type LedgerParameters } from "./ledger-parameters";

/**
 * Every department with quota running a cluster of its own, against the shared platform.
 *
 * A standalone cluster has one set of control plane, gateway and monitoring nodes, and the
 * workers its department's quota needs at the platform's own overcommit (so both sides pack
 * workloads alike), but never fewer than the minimum. The shared platform has one such set per
 * cluster and runs its declared node pools. Overhead nodes on both sides are of the standalone
 * node size; shared workers are the pools' own nodes.
 */
export function infrastructureAvoided(
  model: PlatformModel,
  departments: readonly DepartmentShowback[],
  parameters: LedgerParameters,
): InfrastructureComparison {
  const nodeCpu = Cpu.parse(parameters.nodeCpu);
  const nodeMemory = Bytes.parse(parameters.nodeMemory);
  const perNodeCpu = nodeCpu.times(model.overcommit.cpu).millis;
  const perNodeMemory = nodeMemory.times(model.overcommit.memory).bytes;
  const standaloneWorkers: StandaloneWorkers[] = departments.map(({ department, allocated }) => {
    const forQuota = Math.max(ceilDiv(allocated.cpuMillis, perNodeCpu), ceilDiv(allocated.memoryBytes, perNodeMemory));
    return { department, forQuota, nodes: Math.max(forQuota, parameters.minimumWorkerNodesPerCluster) };
  });
  const overhead = (clusters: number) => ({
    controlPlaneNodes: clusters * parameters.controlPlaneNodesPerCluster,
    gatewayNodes: clusters * parameters.gatewayNodesPerCluster,
    monitoringNodes: clusters * parameters.monitoringNodesPerCluster,
  });

  const standaloneOverhead = overhead(departments.length);
  const standaloneWorkerNodes = standaloneWorkers.reduce((n, w) => n + w.nodes, 0);
  const standaloneNodes = overheadNodes(standaloneOverhead) + standaloneWorkerNodes;
  const standalone: Footprint = {
    ...standaloneOverhead,
    workerNodes: standaloneWorkerNodes,
    nodes: standaloneNodes,
    cpuMillis: standaloneNodes * nodeCpu.millis,
    memoryBytes: standaloneNodes * nodeMemory.bytes,
    workerCpuMillis: standaloneWorkerNodes * nodeCpu.millis,
    workerMemoryBytes: standaloneWorkerNodes * nodeMemory.bytes,
  };

  const sharedOverhead = overhead(model.clusters.length);
  const pools = model.clusters.flatMap((c) => c.nodePools);
  const sharedWorkerNodes = pools.reduce((n, p) => n + p.nodes, 0);
  const poolCpu = pools.reduce((n, p) => n + p.nodes * p.nodeCpu.millis, 0);
  const poolMemory = pools.reduce((n, p) => n + p.nodes * p.nodeMemory.bytes, 0);
  const shared: Footprint = {
    ...sharedOverhead,
    workerNodes: sharedWorkerNodes,
    nodes: overheadNodes(sharedOverhead) + sharedWorkerNodes,
    cpuMillis: overheadNodes(sharedOverhead) * nodeCpu.millis + poolCpu,
    memoryBytes: overheadNodes(sharedOverhead) * nodeMemory.bytes + poolMemory,
    workerCpuMillis: poolCpu,
    workerMemoryBytes: poolMemory,
  };

  return {
    parameters: parameterUses(parameters),
    departments: departments.length,
    clusters: model.clusters.length,
    standalone,
    shared,
    avoided: difference(standalone, shared),
    standaloneWorkers,
  };
}

function difference(a: Footprint, b: Footprint): Footprint {
  return Object.fromEntries(Object.entries(a).map(([field, value]) => [field, value - b[field as keyof Footprint]])) as unknown as Footprint;
}

function overheadNodes(o: { controlPlaneNodes: number; gatewayNodes: number; monitoringNodes: number }): number {
  return o.controlPlaneNodes + o.gatewayNodes + o.monitoringNodes;
}

/** ⌈a ÷ b⌉ for non-negative integers, exact (no float rounding at the boundary). */
function ceilDiv(a: number, b: number): number {
  const quotient = Math.floor(a / b);
  return quotient * b < a ? quotient + 1 : quotient;
}

function parameterUses(parameters: LedgerParameters): LedgerParameterUse[] {
  return (Object.keys(DEFAULT_LEDGER_PARAMETERS) as Array<keyof LedgerParameters>).map((name) => ({
    name,
    value: parameters[name],
    default: DEFAULT_LEDGER_PARAMETERS[name],
    description: LEDGER_PARAMETER_DESCRIPTIONS[name],
  }));
}
