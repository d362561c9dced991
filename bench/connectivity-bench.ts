/**
 * Wall time of the connectivity analyzer on each conformance case (largest input first), plus a
 * synthetic platform-sized cluster. Run with `npx tsx bench/connectivity-bench.ts`.
 * Each figure is the median of several runs after one warm-up, so JIT start-up is not counted.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { analyzeConnectivity, analyzeObjects, buildClusterModel, formatConnectivity } from "../audit/connectivity";
import { readManifestFolder } from "../audit/connectivity/read-manifests";

// shared/ lies beside the project.
const CASES = join(__dirname, "..", "..", "shared", "netpol-conformance", "cases");
const RUNS = 5;

function median(run: () => void): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

const cases = readdirSync(CASES)
  .map((name) => ({ name, input: join(CASES, name, "input"), bytes: folderBytes(join(CASES, name, "input")) }))
  .sort((a, b) => b.bytes - a.bytes);

console.log("case".padEnd(62), "KiB".padStart(6), "read ms".padStart(8), "analyze ms".padStart(11), "lines".padStart(6));
for (const c of cases) {
  const manifests = readManifestFolder(c.input);
  const read = median(() => readManifestFolder(c.input));
  const analyze = median(() => formatConnectivity(analyzeConnectivity(buildClusterModel(manifests)), "txt"));
  const lines = analyzeConnectivity(buildClusterModel(manifests)).connections.length;
  console.log(c.name.padEnd(62), (c.bytes / 1024).toFixed(0).padStart(6), read.toFixed(1).padStart(8), analyze.toFixed(1).padStart(11), String(lines).padStart(6));
}

/**
 * A platform-shaped cluster: tenant namespaces with default deny, flows between the services of a
 * namespace, DNS, ingress from a gateway, and egress to many external ranges.
 */
function syntheticPlatform(namespaces: number, servicesPerNamespace: number, externalRanges: number): unknown[] {
  const objects: unknown[] = [];
  const deployment = (ns: string, name: string, labels: Record<string, string>) => ({
    kind: "Deployment",
    metadata: { name, namespace: ns },
    spec: { template: { metadata: { labels }, spec: { containers: [{ name: "app", ports: [{ name: "http", containerPort: 8080 }] }] } } },
  });
  objects.push({ kind: "Namespace", metadata: { name: "kube-system" } }, deployment("kube-system", "coredns", { k8s: "dns" }));
  objects.push({ kind: "Namespace", metadata: { name: "gateway", labels: { zone: "gateway" } } }, deployment("gateway", "ingress", { app: "ingress" }));
  const ranges = Array.from({ length: externalRanges }, (_, i) => ({ ipBlock: { cidr: `${11 + (i >> 8)}.${i & 255}.0.0/16` } }));
  for (let n = 0; n < namespaces; n++) {
    const ns = `tenant-${n}`;
    objects.push({ kind: "Namespace", metadata: { name: ns, labels: { zone: `level-${1 + (n % 4)}` } } });
    for (let s = 0; s < servicesPerNamespace; s++) objects.push(deployment(ns, `svc-${s}`, { app: `svc-${s}`, tier: s % 3 === 0 ? "web" : "backend" }));
    const policy = (name: string, spec: unknown) => ({ kind: "NetworkPolicy", metadata: { name, namespace: ns }, spec });
    objects.push(policy("default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] }));
    objects.push(policy("allow-dns", { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { k8s: "dns" } } }], ports: [{ port: 53, protocol: "UDP" }, { port: 53 }] }] }));
    objects.push(policy("from-gateway", { podSelector: { matchLabels: { tier: "web" } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { zone: "gateway" } } }], ports: [{ port: "http" }] }] }));
    objects.push(policy("inside", { podSelector: {}, ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 8080 }] }], egress: [{ to: [{ podSelector: { matchExpressions: [{ key: "tier", operator: "In", values: ["backend"] }] } }], ports: [{ port: "http" }] }] }));
    if (n % 10 === 0) objects.push(policy("to-partners", { podSelector: { matchLabels: { tier: "backend" } }, policyTypes: ["Egress"], egress: [{ to: ranges, ports: [{ port: 443 }] }] }));
  }
  return objects;
}

for (const [namespaces, services, ranges] of [
  [100, 10, 1000],
  [300, 10, 1500],
]) {
  const objects = syntheticPlatform(namespaces, services, ranges);
  const start = performance.now();
  const result = analyzeObjects(objects);
  const analyzed = performance.now() - start;
  const text = formatConnectivity(result, "txt");
  const total = performance.now() - start;
  console.log(
    `synthetic: ${namespaces * services + 2} workloads, ${namespaces} tenant namespaces, ${ranges} external ranges: analyze ${analyzed.toFixed(0)} ms, with txt ${total.toFixed(0)} ms, ${result.connections.length} flows, ${(text.length / 1e6).toFixed(1)} MB`,
  );
}
