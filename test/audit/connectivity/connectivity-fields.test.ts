import { analyzeObjects, connectivityFields, formatConnectivity } from "../../../audit/connectivity";
import { readArtifact } from "../../../audit/export";
import { synthesizeExample } from "../../stacks/example-artifact";

const connections = (objects: unknown[]) => formatConnectivity(analyzeObjects(objects), "txt");

describe("connectivityFields", () => {
  const container = { name: "app", image: "registry.example/app:1.0", env: [{ name: "MODE", value: "x" }], resources: { limits: { cpu: "1" } }, ports: [{ name: "http", containerPort: 8080 }] };

  it("keeps of a workload its identity, its pods' labels and its containers' ports, and nothing else", () => {
    const deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "a", labels: { tier: "front" }, annotations: { note: "x" } },
      spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" }, annotations: { a: "b" } }, spec: { serviceAccountName: "web", containers: [container] } } },
    };
    expect(connectivityFields(deployment)).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "a" },
      spec: { template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ ports: [{ name: "http", containerPort: 8080 }] }] } } },
    });
    const cronJob = { kind: "CronJob", metadata: { name: "backup", namespace: "a" }, spec: { schedule: "@daily", jobTemplate: { spec: { template: deployment.spec.template } } } };
    expect(connectivityFields(cronJob)).toEqual({
      kind: "CronJob",
      metadata: { name: "backup", namespace: "a" },
      spec: { jobTemplate: { spec: { template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ ports: container.ports }] } } } } },
    });
  });

  it("keeps of a Pod its labels and controlling owner, of a Namespace its labels, of a NetworkPolicy its identity and spec", () => {
    const owner = [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-abc", controller: true, uid: "1" }];
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "web-abc-1", namespace: "a", labels: { app: "web" }, ownerReferences: owner, uid: "2" }, spec: { nodeName: "n1", containers: [container] }, status: { phase: "Running" } };
    expect(connectivityFields(pod)).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web-abc-1", namespace: "a", labels: { app: "web" }, ownerReferences: owner },
      spec: { containers: [{ ports: container.ports }] },
    });
    expect(connectivityFields({ apiVersion: "v1", kind: "Namespace", metadata: { name: "a", labels: { zone: "l2" }, annotations: { x: "y" } } })).toEqual({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "a", labels: { zone: "l2" } },
    });
    const spec = { podSelector: {}, policyTypes: ["Ingress"] };
    const policy = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "p", namespace: "a", labels: { x: "y" }, annotations: { purpose: "x" } }, spec };
    expect(connectivityFields(policy)).toEqual({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "p", namespace: "a" }, spec });
  });

  it("leaves out the kinds connectivity does not depend on, keeps lists whole and malformed fields as they are", () => {
    expect(connectivityFields({ kind: "Service", metadata: { name: "web" } })).toBeUndefined();
    expect(connectivityFields({ kind: "ConfigMap" })).toBeUndefined();
    expect(connectivityFields("Deployment")).toBeUndefined();
    const list = { kind: "PodList", items: [{ metadata: { name: "x" }, spec: { containers: [container] } }] };
    expect(connectivityFields(list)).toBe(list);
    const malformed = { kind: "Deployment", metadata: { name: "web" }, spec: { template: { spec: { containers: "app" } } } };
    expect(connectivityFields(malformed)).toEqual(malformed);
  });

  it("analyzes the bundled example's clusters exactly as their whole objects", () => {
    const resources = readArtifact(synthesizeExample().outdir).flatMap((s) => s.resources);
    for (const cluster of new Set(resources.map((r) => r.cluster))) {
      const objects = resources.filter((r) => r.cluster === cluster).map((r) => r.object);
      const fields = objects.map(connectivityFields).filter((f) => f !== undefined);
      expect(fields.length).toBeLessThan(objects.length);
      expect(connections(fields)).toBe(connections(objects));
    }
  });
});
