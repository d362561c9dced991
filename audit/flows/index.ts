/**
 * The connectivity proof over the synthesized artifact.
 *
 * - `verifyFlows(stacks: ArtifactStack[], model: PlatformModel): FlowReport`: per cluster, the
 *   connections the artifact's NetworkPolicies allow (with the platform components as declared
 *   peers) against the connections the declaration intends; every difference, and a zone matrix.
 */
export { verifyFlows } from "./verify-flows";
export type { ClusterFlowReport, FlowDifference, FlowReport, KeptClusterReport } from "./verify-flows";
export type { ZoneMatrix, ZoneMatrixCell } from "./zone-matrix";
