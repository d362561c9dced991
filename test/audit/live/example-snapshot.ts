import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { readArtifact } from "../../../audit/export";
import type { LiveSnapshot } from "../../../audit/live";
import { snapshotKind } from "../../../audit/live/snapshot-kinds";
import { aggregateClusterRoles, clusterBaseline, controllerChildren, defaultServiceAccount, storedByTerraform } from "./simulated-api-server";

type Json = Record<string, any>;

export const TAKEN_AT = "2026-11-27T08:30:00Z";

/**
 * The bundled example as its clusters would hold it after `cdktf deploy`: every object of the
 * artifact as the API server stores it, the ReplicaSets and Pods their controllers run, and what
 * the cluster holds by itself. `objects` per cluster can be mutated before `write`.
 */
export class ExampleSnapshot {
  readonly clusters: Map<string, Json[]>;

  constructor(outdir: string) {
    this.clusters = new Map();
    for (const resource of readArtifact(outdir).flatMap((s) => s.resources)) {
      // The capture commands list only the kinds of the snapshot (not the Cluster API objects).
      if (!snapshotKind(resource.object.apiVersion, resource.object.kind)) continue;
      const list = this.clusters.get(resource.cluster) ?? clusterBaseline(resource.cluster);
      this.clusters.set(resource.cluster, list);
      const stored = storedByTerraform(resource.object, resource.cluster);
      list.push(stored, ...controllerChildren(stored, resource.cluster));
      if (stored.kind === "Namespace") list.push(defaultServiceAccount(stored.metadata.name, resource.cluster));
    }
    for (const [cluster, list] of this.clusters) {
      for (const name of ["default", "kube-node-lease", "kube-public", "kube-system"]) list.push(defaultServiceAccount(name, cluster));
      aggregateClusterRoles(list);
    }
  }

  objects(cluster: string): Json[] {
    const list = this.clusters.get(cluster);
    if (!list) throw new Error(`no cluster ${cluster} in the snapshot`);
    return list;
  }

  /** The one object of a kind with this namespace and name. */
  find(cluster: string, kind: string, namespace: string | undefined, name: string): Json {
    const found = this.objects(cluster).filter((o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespace);
    if (found.length !== 1) throw new Error(`expected one ${kind} ${namespace}/${name} on ${cluster}, found ${found.length}`);
    return found[0];
  }

  remove(cluster: string, kind: string, namespace: string | undefined, name: string): void {
    const object = this.find(cluster, kind, namespace, name);
    const list = this.objects(cluster);
    list.splice(list.indexOf(object), 1);
  }

  /** The snapshot as `readSnapshot` would return it after `write`, without the files (for mutations, which need no reading). */
  inMemory(): LiveSnapshot {
    return {
      dir: "(in memory)",
      clusters: [...this.clusters.keys()].sort().map((cluster) => ({
        cluster,
        takenAt: TAKEN_AT,
        objects: this.objects(cluster).map((object, index) => ({
          cluster,
          namespaced: snapshotKind(object.apiVersion, object.kind)!.namespaced,
          object: JSON.parse(JSON.stringify(object)),
          file: `${cluster}/objects.yaml`,
          line: index + 1,
          column: 1,
        })),
      })),
    };
  }

  /** Writes `<dir>/<cluster>/taken-at` and `objects.yaml` as kubectl's List; returns the snapshot folder. */
  write(dir = mkdtempSync(join(tmpdir(), "govcloud-snapshot-")), format: "yaml" | "json" = "yaml"): string {
    for (const [cluster, items] of this.clusters) {
      mkdirSync(join(dir, cluster), { recursive: true });
      writeFileSync(join(dir, cluster, "taken-at"), `${TAKEN_AT}\n`);
      const list = { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
      writeFileSync(join(dir, cluster, `objects.${format}`), format === "json" ? JSON.stringify(list, null, 4) : stringify(list, { lineWidth: 0 }));
    }
    return dir;
  }
}
