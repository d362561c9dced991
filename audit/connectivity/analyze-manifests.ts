import { analyzeConnectivity } from "./analyze-connectivity";
import { buildClusterModel } from "./cluster-model";
import { ConnectivityResult } from "./connectivity-result";
import { analyzedObjects, readManifestFolder } from "./read-manifests";

/** Reads every manifest below `dir` and computes its connectivity. Throws ConnectivityInputError. */
export function analyzeManifestFolder(dir: string): ConnectivityResult {
  return analyzeConnectivity(buildClusterModel(readManifestFolder(dir)));
}

/**
 * Computes the connectivity of already-parsed Kubernetes objects (plain objects, lists allowed),
 * e.g. converted from Terraform JSON. Problems name each object as `sourceName[index]`.
 * Throws ConnectivityInputError.
 */
export function analyzeObjects(objects: readonly unknown[], sourceName = "objects"): ConnectivityResult {
  return analyzeSourcedObjects(objects.map((object, index) => ({ object, source: `${sourceName}[${index}]` })));
}

/** `analyzeObjects`, with problems naming each object by where it came from. Throws ConnectivityInputError. */
export function analyzeSourcedObjects(objects: readonly { readonly object: unknown; readonly source: string }[]): ConnectivityResult {
  const manifests = objects.flatMap(({ object, source }) => analyzedObjects(object, source, () => undefined));
  return analyzeConnectivity(buildClusterModel(manifests));
}
