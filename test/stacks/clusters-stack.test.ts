import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readArtifact, type ArtifactResource } from "../../audit/export";
import { viewArtifact } from "../../audit/mlps/artifact-view";
import { synthesizeExample } from "./example-artifact";

/**
 * The bundled example provisions secure-l4 with Cluster API on shared-hz: its objects in the
 * clusters-shared-hz stack, read back from the artifact, against what the workloads expect.
 */
const example = synthesizeExample();
const stacks = readArtifact(example.outdir);
const resources = stacks.flatMap((s) => s.resources);
const clusterApi = resources.filter((r) => r.stack === "clusters-shared-hz");
const byKindAndName = (kind: string, name: string) => clusterApi.find((r) => r.object.kind === kind && r.object.metadata.name === name)!;
const provisioned = example.model.clusters.filter((c) => c.provisioning.kind === "cluster-api").map((c) => c.name);

interface RegisteredNode {
  readonly pool: string;
  readonly zone?: string;
  readonly replicas: number;
  readonly labels: Record<string, string>;
  readonly taints: Array<{ key: string; value?: string; effect: string }>;
}

/**
 * What the nodes of each MachineDeployment register with: labels from the kubelet's --node-labels,
 * taints from the join configuration. The pool is the one whose machine template it uses
 * (`<cluster>-<pool>-<hash>`).
 */
function nodesOf(cluster: string): RegisteredNode[] {
  return clusterApi
    .filter((r) => r.object.kind === "MachineDeployment" && (r.object.spec as any).clusterName === cluster)
    .map((md: ArtifactResource) => {
      const spec = md.object.spec as any;
      const bootstrap = byKindAndName("KubeadmConfigTemplate", spec.template.spec.bootstrap.configRef.name).object.spec as any;
      const registration = bootstrap.template.spec.joinConfiguration.nodeRegistration;
      const nodeLabels = registration.kubeletExtraArgs.find((a: { name: string }) => a.name === "node-labels").value as string;
      const machineTemplate = String(spec.template.spec.infrastructureRef.name);
      return {
        pool: machineTemplate.slice(cluster.length + 1).replace(/-[0-9a-f]{8}$/, ""),
        ...(spec.template.spec.failureDomain !== undefined ? { zone: spec.template.spec.failureDomain as string } : {}),
        replicas: spec.replicas as number,
        labels: Object.fromEntries(nodeLabels.split(",").map((pair) => pair.split("="))),
        taints: registration.taints ?? [],
      };
    });
}

/** Kubernetes scheduling: the node has every selected label, and the pod tolerates every NoSchedule/NoExecute taint. */
function admits(node: RegisteredNode, pod: { nodeSelector?: Record<string, string>; tolerations?: Array<Record<string, string>> }): boolean {
  const selected = Object.entries(pod.nodeSelector ?? {}).every(([key, value]) => node.labels[key] === value);
  const tolerated = node.taints.every((taint) =>
    (pod.tolerations ?? []).some(
      (t) => (t.key === taint.key || (t.key === undefined && t.operator === "Exists")) && (t.operator === "Exists" || (t.value ?? "") === (taint.value ?? "")) && (t.effect === undefined || t.effect === taint.effect),
    ),
  );
  return selected && tolerated;
}

describe("the clusters-shared-hz stack", () => {
  test("provisions secure-l4 and nothing else; shared-hz stays registered", () => {
    expect(provisioned).toEqual(["secure-l4"]);
    expect(stacks.map((s) => s.name).filter((n) => n.startsWith("clusters-"))).toEqual(["clusters-shared-hz"]);
    expect(clusterApi.map((r) => `${r.cluster} ${r.object.metadata.namespace} ${r.object.kind} ${r.object.metadata.name}`).sort()).toEqual([
      "shared-hz govcloud-clusters Cluster secure-l4",
      expect.stringMatching(/^shared-hz govcloud-clusters KubeadmConfigTemplate secure-l4-level4-phytium-[0-9a-f]{8}$/),
      "shared-hz govcloud-clusters KubeadmControlPlane secure-l4-control-plane",
      "shared-hz govcloud-clusters MachineDeployment secure-l4-level4-phytium-hz-az1",
      "shared-hz govcloud-clusters MachineDeployment secure-l4-level4-phytium-hz-az2",
      "shared-hz govcloud-clusters MachineDeployment secure-l4-level4-phytium-hz-az3",
      "shared-hz govcloud-clusters MachineHealthCheck secure-l4-level4-phytium-hz-az1",
      "shared-hz govcloud-clusters MachineHealthCheck secure-l4-level4-phytium-hz-az2",
      "shared-hz govcloud-clusters MachineHealthCheck secure-l4-level4-phytium-hz-az3",
      "shared-hz govcloud-clusters OpenStackCluster secure-l4",
      expect.stringMatching(/^shared-hz govcloud-clusters OpenStackMachineTemplate secure-l4-control-plane-[0-9a-f]{8}$/),
      expect.stringMatching(/^shared-hz govcloud-clusters OpenStackMachineTemplate secure-l4-level4-phytium-[0-9a-f]{8}$/),
    ]);
  });

  test("every node pool of a provisioned cluster registers the labels and taint the workloads select and tolerate", () => {
    const workloads = viewArtifact(stacks).workloads.filter((w) => provisioned.includes(w.namespace.cluster));
    expect(workloads.length).toBeGreaterThan(0);
    for (const cluster of provisioned) {
      const nodes = nodesOf(cluster);
      const declared = example.model.clusters.find((c) => c.name === cluster)!.nodePools;
      expect([...new Set(nodes.map((n) => n.pool))].sort()).toEqual(declared.map((p) => p.name));
      for (const node of nodes) {
        const pool = declared.find((p) => p.name === node.pool)!;
        expect(node.labels).toEqual({
          "govcloud/node-pool": pool.name,
          "govcloud/arch": pool.arch,
          "govcloud/cpu-vendor": pool.cpuVendor,
          "govcloud/os": pool.os,
          "govcloud/localized": String(pool.localized),
        });
        expect(node.taints).toEqual(pool.dedicated ? [{ key: "govcloud/dedicated", value: pool.name, effect: "NoSchedule" }] : []);
      }
      for (const w of workloads.filter((w) => w.namespace.cluster === cluster)) {
        const spec = w.template.spec as any;
        const landing = [...new Set(nodes.filter((n) => admits(n, spec)).map((n) => n.pool))];
        // A pod pinned to a pool lands on that pool alone; the templates pin every level 3–4 pod.
        expect({ workload: w.target, landing }).toEqual({ workload: w.target, landing: [spec.nodeSelector["govcloud/node-pool"]] });
      }
    }
  });

  test("every node pool spreads its nodes over the cluster's failure domains, a MachineDeployment in each", () => {
    expect(nodesOf("secure-l4").map(({ pool, zone, replicas }) => ({ pool, zone, replicas }))).toEqual([
      { pool: "level4-phytium", zone: "hz-az1", replicas: 1 },
      { pool: "level4-phytium", zone: "hz-az2", replicas: 1 },
      { pool: "level4-phytium", zone: "hz-az3", replicas: 1 },
    ]);
    for (const cluster of provisioned) {
      for (const pool of example.model.clusters.find((c) => c.name === cluster)!.nodePools) {
        const deployments = nodesOf(cluster).filter((n) => n.pool === pool.name);
        expect({ pool: pool.name, nodes: deployments.reduce((n, d) => n + d.replicas, 0) }).toEqual({ pool: pool.name, nodes: pool.nodes });
      }
    }
  });

  test("the provisioned cluster's platform stack is applied after the clusters stack", () => {
    const manifest = JSON.parse(readFileSync(join(example.outdir, "manifest.json"), "utf8"));
    expect(manifest.stacks["platform-secure-l4"].dependencies).toEqual(["clusters-shared-hz"]);
    expect(manifest.stacks["platform-shared-hz"].dependencies).toEqual([]);
    expect(manifest.stacks["clusters-shared-hz"].dependencies).toEqual([]);
  });

  test("the Cluster is protected from destroy; templates are replaced before the ones they supersede go", () => {
    const lifecycles = Object.fromEntries(
      example.resources("clusters-shared-hz", "kubernetes_manifest").map((r) => [`${r.manifest.kind} ${r.manifest.metadata.name.replace(/-[0-9a-f]{8}$/, "-<hash>")}`, r.lifecycle ?? null]),
    );
    expect(lifecycles).toEqual({
      "Cluster secure-l4": { prevent_destroy: true },
      "OpenStackCluster secure-l4": null,
      "KubeadmControlPlane secure-l4-control-plane": null,
      "OpenStackMachineTemplate secure-l4-control-plane-<hash>": { create_before_destroy: true },
      "OpenStackMachineTemplate secure-l4-level4-phytium-<hash>": { create_before_destroy: true },
      "KubeadmConfigTemplate secure-l4-level4-phytium-<hash>": { create_before_destroy: true },
      "MachineDeployment secure-l4-level4-phytium-hz-az1": null,
      "MachineHealthCheck secure-l4-level4-phytium-hz-az1": null,
      "MachineDeployment secure-l4-level4-phytium-hz-az2": null,
      "MachineHealthCheck secure-l4-level4-phytium-hz-az2": null,
      "MachineDeployment secure-l4-level4-phytium-hz-az3": null,
      "MachineHealthCheck secure-l4-level4-phytium-hz-az3": null,
    });
  });

  test("the stack reaches the management cluster only, reads nothing, and names Secrets without their values", () => {
    const stack = JSON.parse(readFileSync(join(example.outdir, "stacks", "clusters-shared-hz", "cdk.tf.json"), "utf8"));
    expect(stack.provider).toEqual({ kubernetes: [{ alias: "shared-hz", config_context: "shared-hz", config_path: "~/.kube/govcloud" }] });
    expect(stack.data).toBeUndefined();
    expect(Object.keys(stack.resource)).toEqual(["kubernetes_manifest"]);
    const text = JSON.stringify(stack);
    expect(text).not.toMatch(/secure-l4-kubeconfig|clouds\.yaml|BEGIN|password|aescbc/i);
    const openStackCluster = byKindAndName("OpenStackCluster", "secure-l4").object.spec as any;
    expect(openStackCluster.identityRef).toEqual({ type: "Secret", name: "secure-l4-cloud-config", cloudName: "openstack" });
    const files = (byKindAndName("KubeadmControlPlane", "secure-l4-control-plane").object.spec as any).kubeadmConfigSpec.files;
    expect(files.find((f: { path: string }) => f.path.endsWith("encryption-config.yaml"))).toEqual({
      path: "/etc/kubernetes/govcloud/encryption-config.yaml",
      owner: "root:root",
      permissions: "0600",
      contentFrom: { secret: { name: "secure-l4-encryption-config", key: "encryption-config.yaml" } },
    });
  });
});
