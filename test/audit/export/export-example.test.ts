import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { ArtifactReadError, exportManifests, readArtifact } from "../../../audit/export";
import { readTree } from "../../artifact/example-project";
import { synthesizeExample } from "../../stacks/example-artifact";

const filesOf = (dir: string) => Object.fromEntries(readTree(dir));

let outdir: string;
beforeAll(() => {
  outdir = synthesizeExample().outdir;
});

describe("export of the bundled example", () => {
  it("converts every resource of every stack, with no unresolved reference left", () => {
    const stacks = readArtifact(outdir);
    const stackDirs = readdirSync(join(outdir, "stacks")).sort();
    expect(stacks.map((s) => s.name)).toEqual(stackDirs);
    for (const stack of stacks) {
      const document = JSON.parse(readFileSync(join(outdir, "stacks", stack.name, "cdk.tf.json"), "utf8"));
      const addresses = Object.entries(document.resource as Record<string, object>).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
      expect(stack.resources.map((r) => r.address).sort()).toEqual(addresses.sort());
    }
    const text = JSON.stringify(stacks);
    expect(text).not.toContain("${");
    const kinds = new Set(stacks.flatMap((s) => s.resources.map((r) => r.object.kind)));
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining(["ClusterRole", "ClusterRoleBinding", "LimitRange", "Namespace", "NetworkPolicy", "PriorityClass", "ResourceQuota", "RoleBinding", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"]),
    );
    const health = stacks.find((s) => s.name === "dept-health")!;
    expect(new Set(health.resources.map((r) => r.cluster))).toEqual(new Set(["shared-hz"]));
  });

  it("writes one folder per cluster, one file per namespace and the cluster-scoped objects, sorted by kind then name, the same bytes twice", () => {
    const target = join(mkdtempSync(join(tmpdir(), "govcloud-export-")), "manifests");
    const summary = exportManifests(outdir, target);
    expect(summary.clusters.map((c) => c.cluster)).toEqual(["secure-l4", "shared-hz"]);
    expect(readdirSync(target)).toEqual(["secure-l4", "shared-hz"]);
    const sharedFiles = readdirSync(join(target, "shared-hz"));
    expect(sharedFiles).toEqual(expect.arrayContaining(["cluster-scoped.yaml", "govcloud-gateway.yaml", "govcloud-mgmt.yaml", "health-prod.yaml", "health-dev.yaml"]));
    expect(readdirSync(join(target, "secure-l4"))).toEqual(expect.arrayContaining(["cluster-scoped.yaml", "public-security-core.yaml"]));

    const documents = parseAllDocuments(readFileSync(join(target, "shared-hz", "health-prod.yaml"), "utf8")).map((d) => d.toJS());
    expect(documents.every((o) => o.metadata.namespace === "health-prod")).toBe(true);
    const order = documents.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(order).toEqual([...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(documents.find((o) => o.kind === "NetworkPolicy" && o.metadata.name === "default-deny")).toEqual(
      expect.objectContaining({ apiVersion: "networking.k8s.io/v1", spec: { podSelector: { matchLabels: {} }, policyTypes: ["Ingress", "Egress"] } }),
    );
    const clusterScoped = parseAllDocuments(readFileSync(join(target, "shared-hz", "cluster-scoped.yaml"), "utf8")).map((d) => d.toJS());
    expect(clusterScoped.some((o) => o.kind === "Namespace" && o.metadata.name === "health-prod")).toBe(true);
    expect(clusterScoped.every((o) => o.metadata.namespace === undefined)).toBe(true);

    const first = filesOf(target);
    exportManifests(outdir, target);
    expect(filesOf(target)).toEqual(first);
    expect(readdirSync(join(target, ".."))).toEqual(["manifests"]);
  });

  it("leaves the previous export untouched when the artifact cannot be converted", () => {
    const target = join(mkdtempSync(join(tmpdir(), "govcloud-export-")), "manifests");
    exportManifests(outdir, target);
    const before = filesOf(target);
    const broken = join(outdir, "stacks", "dept-health", "cdk.tf.json");
    const document = JSON.parse(readFileSync(broken, "utf8"));
    const [name] = Object.keys(document.resource.kubernetes_service_account_v1);
    document.resource.kubernetes_service_account_v1[name].metadata.namespace = "${kubernetes_namespace_v1.missing.metadata[0].name}";
    writeFileSync(broken, JSON.stringify(document));
    expect(() => exportManifests(outdir, target)).toThrow(ArtifactReadError);
    expect(() => exportManifests(outdir, target)).toThrow(
      `dept-health: kubernetes_service_account_v1.${name}: metadata.namespace: cannot resolve \${kubernetes_namespace_v1.missing.metadata[0].name}: no resource kubernetes_namespace_v1.missing in this stack`,
    );
    expect(filesOf(target)).toEqual(before);
  });
});
