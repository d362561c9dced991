import type { ClusterPreflight, Preflight, StateBackendPreflight } from "./compute-preflight";

const labelsText = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");

function clusterLines(c: ClusterPreflight): string[] {
  const row = (what: string, text: string) => `  ${what.padEnd(15)} ${text}`;
  const lines = [`cluster ${c.cluster}`];
  lines.push(row("kubeconfig", `${c.kubeconfig.path} (context ${c.kubeconfig.context}): ${c.kubeconfig.exists ? "found" : `MISSING (${c.kubeconfig.resolved})`}`));
  if (c.provisioned) {
    const p = c.provisioned;
    lines.push(row("provisioned", `by Cluster API on ${p.management} (namespace ${p.namespace}), Kubernetes ${p.kubernetesVersion}; Secrets ${p.secrets.join(", ")} in ${p.namespace} on ${p.management}`));
    lines.push(row("", `its kubeconfig is Cluster API's Secret ${p.kubeconfigSecret}, written once the control plane is up: save it at ${c.kubeconfig.path} before the platform stack's apply`));
  }
  lines.push(row("kubernetes", c.kubernetes.minimum ? `>= ${c.kubernetes.minimum}, for ${c.kubernetes.reasons.join("; ")}` : "any release"));
  lines.push(row("ingress class", `${c.ingress.className}, served by the ingress controller in ${c.ingress.namespace} (pods ${labelsText(c.ingress.podLabels)})`));
  for (const pool of c.nodePools) {
    const needs = [
      ...Object.entries(pool.labels).map(([k, v]) => `label ${k}=${v}`),
      ...pool.taints.map((t) => `taint ${t.key}=${t.value}:${t.effect}`),
    ];
    lines.push(row("node pool", `${pool.name} (${pool.nodes} nodes): ${needs.length > 0 ? needs.join(", ") : "no label or taint needed"}`));
  }
  if (c.crds.length === 0) lines.push(row("CRDs", "none"));
  for (const crd of c.crds) lines.push(row("CRD", `${crd.name} (${crd.kind} ${crd.versions.join(", ")}; ${crd.objects} ${crd.objects === 1 ? "object" : "objects"})`));
  const s = c.secrets;
  const source = s.store ? `from ${s.store.kind} ${s.store.name} (on this cluster): ${s.fromStore} Secrets` : "no secret store";
  lines.push(
    row(
      "secrets",
      `${source}; ${s.toCreate} to create before the first apply${s.toCreate > 0 ? ` in ${s.namespacesToCreateIn} namespaces (govcloud secrets lists them)` : ""}; ${s.fromCertManager} written by cert-manager`,
    ),
  );
  if (c.sharingCa) {
    lines.push(row("sharing CA", `Secret ${c.sharingCa.caSecret} (tls.crt, tls.key) in cert-manager's cluster resource namespace, for ClusterIssuer ${c.sharingCa.clusterIssuer}`));
  }
  return lines;
}

function stateBackendText(b: StateBackendPreflight): string {
  switch (b.type) {
    case "local":
      return `local files in ${b.directory}/ beside each stack (keep them: they are the state)`;
    case "s3":
      return `S3-compatible bucket ${b.bucket} at ${b.endpoint}, locked by a ${b.locking}: the bucket must exist`;
    case "kubernetes":
      return `Kubernetes backend: namespace ${b.namespace} must exist before the first terraform init, reached with ${b.configPath}${b.configContext ? ` (context ${b.configContext})` : ""}: ${b.exists ? "found" : "MISSING"}`;
  }
}

/** `govcloud preflight` as text: per cluster what must exist, then the state backend and what is missing here. */
export function formatPreflight(preflight: Preflight): string {
  const lines = ["What must exist before the first apply (from the declaration and cdktf.out; no cluster was asked):", ""];
  for (const cluster of preflight.clusters) lines.push(...clusterLines(cluster), "");
  lines.push(`state backend     ${stateBackendText(preflight.stateBackend)}`);
  if (preflight.missing.length > 0) lines.push("", `${preflight.missing.length} missing:`, ...preflight.missing.map((m) => `  ${m}`));
  return `${lines.join("\n")}\n`;
}

export function preflightJson(preflight: Preflight): string {
  return `${JSON.stringify(preflight, null, 2)}\n`;
}
