/**
 * The consolidation ledger: what the shared platform holds, who uses it, and what it saves.
 *
 * - `computeLedger(model: PlatformModel, stacks: readonly ArtifactStack[], parameters?: LedgerParameters): Ledger`
 *   `model` from `readPlatformOrThrow(configDir)`, `stacks` from `readArtifact(outdir)` (`audit/export`),
 *   `parameters` from `readLedgerParameters(configDir)` (default `DEFAULT_LEDGER_PARAMETERS`).
 *   Facts the artifact holds come from it, those only the declaration states from the model:
 *   - `clusters[]`: per declared cluster, `capacity` (declared), `schedulable` (capacity ×
 *     overcommit for cpu and memory; storage never overcommitted), `allocated` (sum of
 *     `requests.cpu`, `requests.memory`, `requests.storage` of the artifact's ResourceQuotas on
 *     that cluster), `utilisation` (allocated ÷ schedulable), `headroom` (schedulable − allocated).
 *   - `allocated`: every quota of the artifact summed.
 *   - `departments[]`: showback per department with quota (department from the namespace's
 *     `govcloud/department` label): `allocated`, `share` of the platform's allocated total per
 *     resource (shares sum to 1), `environments[]` with cluster, namespace and quota.
 *   - `infrastructure`: N standalone clusters, one per department with quota, each with
 *     `controlPlaneNodesPerCluster` + `gatewayNodesPerCluster` + `monitoringNodesPerCluster`
 *     nodes and max(`minimumWorkerNodesPerCluster`, ⌈quota cpu ÷ (nodeCpu × overcommit.cpu)⌉,
 *     ⌈quota memory ÷ (nodeMemory × overcommit.memory)⌉) workers, all of `nodeCpu`/`nodeMemory`;
 *     against the shared platform: the same overhead set once per cluster plus its declared node
 *     pools. `standalone`, `shared`, `avoided` (= standalone − shared, signed) footprints in nodes
 *     by role, CPU and memory; `standaloneWorkers[]` shows each department's count; `parameters[]`
 *     lists every parameter with its value, documented default and description.
 *   - `localization`: per cluster and `overall`, nodes and node CPU (Σ nodes × nodeCpu) on
 *     `localized` pools, with `nodeRate` and `cpuRate` in [0, 1].
 *   Units: CPU in millicores, memory and storage in bytes, all exact integers; ratios are
 *   unrounded fractions. The result is plain data (`JSON.stringify` is its serialised form).
 *   Throws when a ResourceQuota holds an unreadable quantity or sits on an undeclared cluster.
 * - `formatLedger(ledger: Ledger): string` the terminal rendering (`govcloud ledger`): compact
 *   tables, cores and binary units, percentages to one decimal; no trailing newline.
 * - `readLedgerParameters(configDir: string): LedgerParameters` the `ledger` section of
 *   `<configDir>/platform.yaml` with defaults applied; throws `DeclarationError` when the
 *   declaration does not load.
 * - `DEFAULT_LEDGER_PARAMETERS`: controlPlaneNodesPerCluster 3, gatewayNodesPerCluster 2,
 *   monitoringNodesPerCluster 2, minimumWorkerNodesPerCluster 3, nodeCpu 16 (cores), nodeMemory
 *   64Gi; `LEDGER_PARAMETER_DESCRIPTIONS` their documentation from the schema.
 */
export { computeLedger } from "./compute-ledger";
export { formatLedger, showbackCells } from "./format-ledger";
export { DEFAULT_LEDGER_PARAMETERS, LEDGER_PARAMETER_DESCRIPTIONS, readLedgerParameters } from "./ledger-parameters";
export type { LedgerParameters } from "./ledger-parameters";
export type {
  ClusterAllocation,
  DepartmentShowback,
  EnvironmentAllocation,
  Footprint,
  InfrastructureComparison,
  Ledger,
  LedgerParameterUse,
  LocalizationLedger,
  LocalizationRate,
  StandaloneWorkers,
} from "./ledger";
export type { ResourceAmounts, ResourceRatios } from "./resource-amounts";
