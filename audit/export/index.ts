/**
 * The artifact back into Kubernetes objects, and plain manifests for GitOps.
 *
 * - `readArtifact(outdir: string): ArtifactStack[]` reads `<outdir>/manifest.json` and every
 *   stack's `cdk.tf.json`, and returns per stack (sorted by name) its resources (sorted by
 *   address), each as `{ stack, address: "type.name", cluster, namespaced, object }`: the cluster
 *   is the provider alias (`kubernetes.<cluster>`), the object is what the provider applies.
 *   Throws `ArtifactReadError` (its `problems`: `{ stack, address?, field?, message }[]`, every
 *   one of every stack) for an unknown resource type, an attribute the conversion table does not
 *   map, a reference it cannot resolve, or one object declared twice on a cluster.
 * - `convertStackDocument(stack: string, document: unknown): ConvertedStack` does the same for one
 *   parsed `cdk.tf.json` and returns its problems instead of throwing.
 * - `exportManifests(outdir: string, targetDir: string): ExportSummary` writes
 *   `<targetDir>/<cluster>/<namespace>.yaml` and `<targetDir>/<cluster>/cluster-scoped.yaml`
 *   (multi-document YAML, objects sorted by kind then name, deterministic bytes) through a staging
 *   folder that replaces `targetDir` only once complete. Throws as readArtifact does.
 * - `manifestFiles(stacks): Map<path, { text, objects }>` is the export without writing.
 * - `exportedClusters(dir: string): { cluster, dir }[] | undefined`: the cluster folders of a folder
 *   an export wrote (only cluster folders, each with its cluster-scoped.yaml), else undefined.
 *
 * The conversion is table-driven (`resource-types.ts`, `pod-template-block.ts`): per Terraform type
 * its apiVersion, kind and scope; per attribute its API name, whether it is a map (keys kept as
 * written), one block (an object, written by cdktf as an object or a one-item list) or repeated
 * blocks (a list, under the API's plural name), and the integers and int-or-strings the provider
 * keeps as strings. Terraform-only keys are dropped; `kubernetes_manifest` objects are taken as
 * written. `${kubernetes_*.x.…}` references resolve against the same stack's configuration.
 */
export { ArtifactReadError, formatArtifactProblem } from "./artifact-read-error";
export type { ArtifactProblem } from "./artifact-read-error";
export { CLUSTER_SCOPED_FILE, exportManifests, manifestFiles } from "./export-manifests";
export type { ExportSummary, ManifestFile } from "./export-manifests";
export { exportedClusters } from "./export-folder";
export type { ExportedCluster } from "./export-folder";
export { CLUSTER_SCOPED_KINDS } from "./kubernetes-object";
export type { KubernetesObject, ObjectMeta } from "./kubernetes-object";
export { convertStackDocument, readArtifact } from "./read-artifact";
export type { ArtifactResource, ArtifactStack, ConvertedStack } from "./read-artifact";
export { RESOURCE_TYPES } from "./resource-types";
export type { ResourceType } from "./resource-types";
