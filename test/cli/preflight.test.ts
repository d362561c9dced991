import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../cli/main";
import { computePreflight, formatPreflight, pluralOf } from "../../audit/preflight";
import { readArtifact } from "../../audit/export";
import { synthesizeExample, EXAMPLE_TODAY } from "../stacks/example-artifact";
import { mutate } from "../audit/rbac/artifact-mutation";

/** `govcloud preflight` on the bundled example, whose clusters are reached through ~/.kube/govcloud. */
const example = synthesizeExample();
const root = join(example.outdir, "..");
const stacks = readArtifact(example.outdir);

async function preflight(home: string, ...args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const saved = process.env.HOME;
  process.env.HOME = home;
  try {
    const status = await main(["preflight", "--config", join(root, "config"), "--out", example.outdir, "--today", EXAMPLE_TODAY, ...args], {
      out: (t) => (out += t),
      err: (t) => (err += t),
    });
    return { status, out, err };
  } finally {
    process.env.HOME = saved;
  }
}

/** A home folder holding the example's kubeconfig, as the platform engineer's machine would. */
function homeWithKubeconfig(): string {
  const home = join(root, "home");
  mkdirSync(join(home, ".kube"), { recursive: true });
  for (const file of ["govcloud", "govcloud-secure-l4"]) writeFileSync(join(home, ".kube", file), "apiVersion: v1\nkind: Config\n");
  return home;
}

describe("govcloud preflight", () => {
  it("prints per cluster the release, ingress class, node labels and taints, CRDs, Secrets and the state backend", async () => {
    const run = await preflight(homeWithKubeconfig());
    expect(run.err).not.toMatch(/error|govcloud:/);
    expect(run.status).toBe(0);
    const shared = run.out.slice(run.out.indexOf("cluster shared-hz\n"));
    const lines = shared.slice(0, shared.indexOf("\n\n")).split("\n");
    expect(lines[0]).toBe("cluster shared-hz");
    expect(lines[1]).toBe("  kubeconfig      ~/.kube/govcloud (context shared-hz): found");
    expect(lines[2]).toBe("  kubernetes      >= 1.30, for ValidatingAdmissionPolicy and its bindings (admissionregistration.k8s.io/v1, GA in 1.30)");
    expect(lines[3]).toMatch(/^  ingress class   govcloud-nginx, served by the ingress controller in govcloud-gateway \(pods app\.kubernetes\.io\/name=ingress-nginx/);
    expect(lines).toContain("  node pool       level3-kunpeng (8 nodes): label govcloud/node-pool=level3-kunpeng, taint govcloud/dedicated=level3-kunpeng:NoSchedule");
    expect(lines).toContain("  CRD             certificates.cert-manager.io (Certificate v1; 1 object)");
    // The Cluster API objects of secure-l4 are applied on its management cluster.
    expect(lines).toContain("  CRD             clusters.cluster.x-k8s.io (Cluster v1beta2; 1 object)");
    expect(lines).toContain("  CRD             clusterissuers.cert-manager.io (ClusterIssuer v1; 1 object)");
    expect(lines.find((l) => l.startsWith("  secrets"))).toMatch(/^  secrets         no secret store; \d+ to create before the first apply in \d+ namespaces \(govcloud secrets lists them\); 1 written by cert-manager$/);
    expect(lines).toContain("  sharing CA      Secret govcloud-sharing-ca (tls.crt, tls.key) in cert-manager's cluster resource namespace, for ClusterIssuer govcloud-sharing-ca");
    expect(run.out).toContain("\nstate backend     local files in terraform-state/ beside each stack (keep them: they are the state)\n");
  });

  it("exits 1 naming the kubeconfig file that is not there", async () => {
    const run = await preflight(join(root, "empty-home"));
    expect(run.status).toBe(1);
    const home = join(root, "empty-home");
    expect(run.out).toContain(`  kubeconfig      ~/.kube/govcloud (context shared-hz): MISSING (${join(home, ".kube", "govcloud")})\n`);
    expect(run.out).toContain(
      `\n2 missing:\n  cluster secure-l4: kubeconfig ~/.kube/govcloud-secure-l4 (${join(home, ".kube", "govcloud-secure-l4")}) does not exist; ` +
        "once clusters-shared-hz is applied, write it from Secret secure-l4-kubeconfig in govcloud-clusters on shared-hz\n" +
        `  cluster shared-hz: kubeconfig ~/.kube/govcloud (${join(home, ".kube", "govcloud")}) does not exist\n`,
    );
  });

  it("writes the same as JSON", async () => {
    const run = await preflight(homeWithKubeconfig(), "--format", "json");
    const json = JSON.parse(run.out);
    const shared = json.clusters.find((c: any) => c.cluster === "shared-hz");
    expect(shared.kubernetes.minimum).toBe("1.30");
    expect(shared.crds.map((c: any) => c.name)).toEqual(expect.arrayContaining(["certificates.cert-manager.io", "clusterissuers.cert-manager.io", "kubeadmcontrolplanes.controlplane.cluster.x-k8s.io"]));
    const secure = json.clusters.find((c: any) => c.cluster === "secure-l4");
    expect(secure.provisioned).toEqual({
      management: "shared-hz",
      namespace: "govcloud-clusters",
      kubernetesVersion: "v1.33.4",
      secrets: ["secure-l4-cloud-config", "secure-l4-encryption-config"],
      kubeconfigSecret: "secure-l4-kubeconfig",
    });
    expect(shared.nodePools.find((p: any) => p.name === "level3-kunpeng")).toEqual({
      name: "level3-kunpeng",
      nodes: 8,
      labels: { "govcloud/node-pool": "level3-kunpeng" },
      taints: [{ key: "govcloud/dedicated", value: "level3-kunpeng", effect: "NoSchedule" }],
    });
    expect(json.stateBackend).toEqual({ type: "local", directory: "terraform-state" });
    expect(json.missing).toEqual([]);
  });

  it("derives the CRDs from the kinds the artifact applies, and the release from the features its objects use", () => {
    const withoutPolicies = stacks.map((s) => ({ ...s, resources: s.resources.filter((r) => !r.object.kind.startsWith("ValidatingAdmissionPolicy")) }));
    const floor = computePreflight(example.model, withoutPolicies, example.outdir).clusters.find((c) => c.cluster === "shared-hz")!.kubernetes;
    expect(floor).toEqual({ minimum: "1.27", reasons: [expect.stringMatching(/^StatefulSet persistentVolumeClaimRetentionPolicy/)] });
    const withExternalSecret = mutate(stacks, "Certificate", "identity-sharing", { cluster: "shared-hz" }, (object) => {
      object.apiVersion = "external-secrets.io/v1";
      object.kind = "ExternalSecret";
    });
    const crds = computePreflight(example.model, withExternalSecret, example.outdir).clusters.find((c) => c.cluster === "shared-hz")!.crds;
    expect(crds.map((c) => c.name)).toContain("externalsecrets.external-secrets.io");
    expect(["Cluster", "OpenStackMachineTemplate", "KubeadmControlPlane", "NetworkPolicy", "Ingress"].map(pluralOf)).toEqual([
      "clusters",
      "openstackmachinetemplates",
      "kubeadmcontrolplanes",
      "networkpolicies",
      "ingresses",
    ]);
  });

  it("names the kubernetes backend's namespace, which must exist before the first init", () => {
    const model = { ...example.model, stateBackend: { type: "kubernetes" as const, namespace: "govcloud-state", configPath: "/nowhere/state-kubeconfig" } };
    const preflight = computePreflight(model, stacks, example.outdir);
    expect(preflight.stateBackend).toEqual({ type: "kubernetes", namespace: "govcloud-state", configPath: "/nowhere/state-kubeconfig", exists: false });
    expect(formatPreflight(preflight)).toContain(
      "\nstate backend     Kubernetes backend: namespace govcloud-state must exist before the first terraform init, reached with /nowhere/state-kubeconfig: MISSING\n",
    );
    expect(preflight.missing).toContain("state backend: kubeconfig /nowhere/state-kubeconfig (/nowhere/state-kubeconfig) does not exist");
  });
});
