import type { ResourceAmounts, ResourceRatios } from "./resource-amounts";
import type { LedgerParameters } from "./ledger-parameters";

/**
 * The consolidation ledger: plain, serialisable data (JSON.stringify gives the evidence-pack
 * form). Amounts are exact integers, millicores and bytes; ratios are unrounded fractions
 * (0.5 is 50 %). Rounding happens only in `formatLedger`.
 */
export interface Ledger {
  readonly platform: { readonly name: string; readonly displayName: string };
  /** The declared overcommit ratios the schedulable amounts were computed with. */
  readonly overcommit: { readonly cpu: number; readonly memory: number };
  /** Per cluster, sorted by name. */
  readonly clusters: readonly ClusterAllocation[];
  /** Every quota of the artifact, summed: the whole that department shares are taken of. */
  readonly allocated: ResourceAmounts;
  /** Per department with at least one quota in the artifact, sorted by name. */
  readonly departments: readonly DepartmentShowback[];
  readonly infrastructure: InfrastructureComparison;
  readonly localization: LocalizationLedger;
}

/** Capacity (declared) against allocated quota (as applied, from the artifact's ResourceQuotas). */
export interface ClusterAllocation {
  readonly cluster: string;
  readonly displayName: string;
  /** `registered`, or how Cluster API provisions it (`Cluster API on shared-hz (OpenStack, Kubernetes v1.33.4)`). */
  readonly provisioning: string;
  /** `clusters[].capacity` as declared. */
  readonly capacity: ResourceAmounts;
  /** Capacity × overcommit for cpu and memory; storage is never overcommitted. */
  readonly schedulable: ResourceAmounts;
  /** Sum of `requests.cpu`, `requests.memory`, `requests.storage` of the cluster's ResourceQuotas. */
  readonly allocated: ResourceAmounts;
  /** allocated ÷ schedulable. */
  readonly utilisation: ResourceRatios;
  /** schedulable − allocated; negative would mean overbooked. */
  readonly headroom: ResourceAmounts;
  /** Namespaces with a quota on this cluster. */
  readonly namespaces: number;
}

export interface DepartmentShowback {
  readonly department: string;
  /** From the declaration; the department name when the model does not know it. */
  readonly displayName: string;
  readonly allocated: ResourceAmounts;
  /** allocated ÷ the platform's allocated total, per resource. */
  readonly share: ResourceRatios;
  /** Sorted by name. */
  readonly environments: readonly EnvironmentAllocation[];
}

export interface EnvironmentAllocation {
  readonly environment: string;
  readonly cluster: string;
  readonly namespace: string;
  readonly allocated: ResourceAmounts;
}

/**
 * Every department running a standalone cluster, against the shared platform. Standalone:
 * per department one set of control plane, gateway and monitoring nodes plus its workers;
 * shared: per cluster one such set plus the declared node pools. All overhead nodes, on both
 * sides, are of the standalone node size.
 */
export interface InfrastructureComparison {
  /** The parameters used, each with its documented default and description. */
  readonly parameters: readonly LedgerParameterUse[];
  /** Standalone clusters counted: the departments with quota in the artifact. */
  readonly departments: number;
  /** Shared clusters. */
  readonly clusters: number;
  readonly standalone: Footprint;
  readonly shared: Footprint;
  /** standalone − shared, per field; negative where the shared platform runs more. */
  readonly avoided: Footprint;
  /** How each standalone cluster's workers were counted, sorted by department. */
  readonly standaloneWorkers: readonly StandaloneWorkers[];
}

export interface LedgerParameterUse {
  readonly name: keyof LedgerParameters;
  /** As written in platform.yaml (or the default): node counts, cores, a binary size. */
  readonly value: number | string;
  readonly default: number | string;
  readonly description: string;
}

export interface Footprint {
  readonly controlPlaneNodes: number;
  readonly gatewayNodes: number;
  readonly monitoringNodes: number;
  readonly workerNodes: number;
  /** All of the above. */
  readonly nodes: number;
  /** Of all nodes. */
  readonly cpuMillis: number;
  readonly memoryBytes: number;
  /** Of the worker nodes alone: what workloads run on. */
  readonly workerCpuMillis: number;
  readonly workerMemoryBytes: number;
}

export interface StandaloneWorkers {
  readonly department: string;
  /**
   * Nodes the department's quota needs at the platform's overcommit:
   * max(⌈cpu ÷ (nodeCpu × overcommit.cpu)⌉, ⌈memory ÷ (nodeMemory × overcommit.memory)⌉).
   */
  readonly forQuota: number;
  /** max(forQuota, minimumWorkerNodesPerCluster). */
  readonly nodes: number;
}

/** Share of node capacity on `localized` pools (domestic CPU and OS, 信创). */
export interface LocalizationLedger {
  /** Per cluster, sorted by name. */
  readonly clusters: readonly LocalizationRate[];
  /** Every pool of every cluster. */
  readonly overall: LocalizationRate;
}

export interface LocalizationRate {
  /** The cluster, or `all` for the overall rate. */
  readonly scope: string;
  readonly nodes: number;
  readonly localizedNodes: number;
  /** Σ nodes × nodeCpu, millicores. */
  readonly cpuMillis: number;
  readonly localizedCpuMillis: number;
  /** localizedNodes ÷ nodes. */
  readonly nodeRate: number;
  /** localizedCpuMillis ÷ cpuMillis. */
  readonly cpuRate: number;
}
