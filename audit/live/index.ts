/**
 * The live audit: what is really running, from a read-only snapshot of each cluster.
 *
 * - `readSnapshot(dir, clusters): LiveSnapshot` reads `<dir>/<cluster>/` (a `taken-at` time and
 *   `kubectl get -o yaml|json` lists), hardened like the declaration; throws LiveSnapshotError
 *   with every problem, positioned.
 * - `captureCommands(cluster)`: the README's read-only capture commands (`SNAPSHOT_KINDS`).
 * - `runLiveAudit(snapshot, artifact, model, today)`: the audit's checks on the snapshot, objects
 *   cited by the Terraform address that made them.
 */
export { captureCommands, SNAPSHOT_KINDS, TAKEN_AT_FILE } from "./snapshot-kinds";
export { formatSnapshotProblem, LiveSnapshotError, readSnapshot } from "./read-snapshot";
export type { ClusterSnapshot, LiveObject, LiveSnapshot, SnapshotProblem } from "./read-snapshot";
export { NOT_IN_TERRAFORM, liveStackName, placeLiveObjects } from "./live-resources";
export type { LiveResources, PlacedObject } from "./live-resources";
export { runLiveAudit } from "./run-live-audit";
export type { LiveAuditResults, LiveSource } from "./run-live-audit";
