/**
 * The connectivity proof over the synthesized artifact.
 *
 * - `verifyFlows(stacks: ArtifactStack[], model: PlatformModel, options?): FlowReport`: per
 *   cluster, the connections the artifact's NetworkPolicies allow (with the platform components
 *   as declared peers) against the connections the declaration intends; every difference, and a
 *   zone matrix. `options.kept` keeps each cluster's report by a digest of what it was proved
 *   from (`connectivity-resources.ts`, `cluster-flow-inputs.ts`), and recalls it for the same.
 */
export { verifyFlows } from "./verify-flows";
export type { ClusterFlowReport, FlowDifference, FlowReport, KeptClusterReport } from "./verify-flows";
export type { ZoneMatrix, ZoneMatrixCell } from "./zone-matrix";
