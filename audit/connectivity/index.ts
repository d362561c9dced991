/**
 * Kubernetes NetworkPolicy connectivity analyzer: which workloads and external address ranges may
 * open which ports to which, under core NetworkPolicy semantics.
 *
 * - `analyzeManifestFolder(dir: string): ConnectivityResult` reads every .yaml/.yml/.json below dir
 *   (multi-document YAML, JSON, List/PodList/NamespaceList/NetworkPolicyList).
 * - `analyzeObjects(objects: unknown[], sourceName?: string): ConnectivityResult` does the same for
 *   objects already in memory (e.g. converted from Terraform JSON by the platform audit);
 *   `analyzeSourcedObjects([{ object, source }])` names each object's problems by its source.
 * - `connectivityFields(object)`: the part of an object connectivity depends on (undefined for
 *   kinds it does not), which analyzes exactly as the whole object does.
 * - `formatConnectivity(result, format: "txt" | "json" | "csv" | "md"): string` renders a result in
 *   netpol-analyzer's connlist formats (txt lines are `src => dst : conn`, sorted byte-wise).
 * - `formatClusterConnectivity([{ cluster, result }], format): string` renders several clusters'
 *   results, each headed by its cluster's name (csv: a leading `cluster` column).
 * - `ConnectivityInputError` is thrown for input that cannot be analyzed; its `problems` list every
 *   problem with file, line, object and field, and its message lists them one per line.
 *
 * A result lists each allowed flow as {src, dst, conn}: workload peers carry namespace, name, kind
 * and labels, external peers an IPv4 range, and conn is a PortSet (per protocol port ranges).
 */
export { analyzeManifestFolder, analyzeObjects, analyzeSourcedObjects } from "./analyze-manifests";
export { analyzeConnectivity } from "./analyze-connectivity";
export { buildClusterModel } from "./cluster-model";
export { connectivityFields } from "./connectivity-fields";
export type { ClusterModel } from "./cluster-model";
export { ConnectivityInputError, formatProblem } from "./connectivity-input-error";
export type { ManifestProblem } from "./connectivity-input-error";
export { peerName } from "./connectivity-result";
export type { Connection, ConnectivityPeer, ConnectivityResult, ExternalPeer, WorkloadPeer } from "./connectivity-result";
export { CONNECTIVITY_FORMATS, formatConnectivity } from "./format-connections";
export type { ConnectivityFormat } from "./format-connections";
export { formatClusterConnectivity } from "./format-cluster-connections";
export type { ClusterConnectivity } from "./format-cluster-connections";
export type { Interval, IntervalList } from "./interval-list";
export { LabelSelector } from "./label-selector";
export type { Labels } from "./label-selector";
export { PROTOCOLS, PortSet } from "./port-set";
export type { Protocol } from "./port-set";
