/**
 * What must exist before the first apply, from the declaration and the artifact alone:
 * `computePreflight(model, stacks, outdir)`, printed by `govcloud preflight`.
 */
export { computePreflight, resolveKubeconfig, type ClusterPreflight, type NodePoolPreflight, type Preflight, type StateBackendPreflight } from "./compute-preflight";
export { customResourceNeeds, pluralOf, type CrdNeed } from "./custom-resources";
export { formatPreflight, preflightJson } from "./format-preflight";
export { kubernetesVersionFloor } from "./kubernetes-version-floor";
