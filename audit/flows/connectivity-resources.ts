import { createHash } from "node:crypto";
import { connectivityFields } from "../connectivity/connectivity-fields";
import type { ArtifactResource, ArtifactStack } from "../export/read-artifact";

/**
 * Per cluster, the resources of one stack connectivity depends on, each with only the fields it
 * depends on: the proof reads nothing else of the artifact, so a digest of these is a digest of
 * its input from that stack.
 */
export function connectivityResources(stack: ArtifactStack): Map<string, ArtifactResource[]> {
  const byCluster = new Map<string, ArtifactResource[]>();
  for (const resource of stack.resources) {
    const fields = connectivityFields(resource.object);
    if (fields === undefined) continue;
    let resources = byCluster.get(resource.cluster);
    if (resources === undefined) byCluster.set(resource.cluster, (resources = []));
    resources.push({ ...resource, object: fields as ArtifactResource["object"] });
  }
  return byCluster;
}

/**
 * Per cluster a stack has connectivity resources on, their digest. A stack's conversion can
 * carry these (they are a function of its bytes), so a kept proof is recalled without the
 * fields of every stack cut out and hashed again.
 */
export function connectivityDigests(stack: ArtifactStack): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const [cluster, resources] of connectivityResources(stack)) {
    const hash = createHash("sha256");
    for (const resource of resources) hash.update(JSON.stringify(resource)).update("\n");
    digests[cluster] = hash.digest("hex");
  }
  return digests;
}
