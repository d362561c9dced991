import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, visit } from "yaml";
import type { ArtifactStack } from "../../audit/export";
import type { PlatformModel } from "../../config/model/platform-model";
// The benchmark's deterministic PRNG, so a shuffle is reproduced from its seed.
import { random } from "../../bench/generate-province";

/**
 * What every tenant namespace of a synthesized artifact must carry whatever the declaration:
 * default deny both ways, a ResourceQuota without NodePorts or LoadBalancers, a LimitRange, the
 * PSA enforce label of its level and the department's display name, unchanged, as an annotation.
 * Returns one line per violation, so a failing property shows all of them.
 */
export function tenantNamespaceViolations(stacks: readonly ArtifactStack[], model: PlatformModel): string[] {
  const objects = stacks.flatMap((s) => s.resources.map((r) => r.object));
  const inNamespace = (namespace: string, kind: string) => objects.filter((o) => o.kind === kind && o.metadata.namespace === namespace);
  const violations: string[] = [];
  const declared = model.departments.flatMap((d) => d.environments.map((e) => ({ department: d, environment: e })));
  const tenants = objects.filter((o) => o.kind === "Namespace" && o.metadata.labels?.["govcloud/tenant"] === "true");
  const tenantNames = tenants.map((o) => o.metadata.name!).sort();
  const declaredNames = declared.map((d) => d.environment.namespace).sort();
  if (tenantNames.join(",") !== declaredNames.join(",")) violations.push(`tenant namespaces ${tenantNames.join(",")} differ from the declared ${declaredNames.join(",")}`);

  for (const { department, environment } of declared) {
    const ns = environment.namespace;
    const namespace = tenants.find((o) => o.metadata.name === ns);
    if (!namespace) continue;
    const labels = namespace.metadata.labels ?? {};
    const enforce = environment.level >= 3 ? "restricted" : "baseline";
    if (labels["pod-security.kubernetes.io/enforce"] !== enforce) violations.push(`${ns}: PSA enforce is ${labels["pod-security.kubernetes.io/enforce"]}, level ${environment.level} needs ${enforce}`);
    if (labels["govcloud/level"] !== String(environment.level)) violations.push(`${ns}: level label ${labels["govcloud/level"]}, declared ${environment.level}`);
    if (namespace.metadata.annotations?.["govcloud/display-name"] !== department.displayName) {
      violations.push(`${ns}: display-name annotation ${JSON.stringify(namespace.metadata.annotations?.["govcloud/display-name"])}, declared ${JSON.stringify(department.displayName)}`);
    }
    const policies = inNamespace(ns, "NetworkPolicy");
    const denyAll = policies.some((p) => {
      const spec = p.spec as { podSelector?: { matchLabels?: object; matchExpressions?: unknown[] }; policyTypes?: string[]; ingress?: unknown[]; egress?: unknown[] };
      const selectsAll = Object.keys(spec.podSelector?.matchLabels ?? {}).length === 0 && (spec.podSelector?.matchExpressions ?? []).length === 0;
      return selectsAll && [...(spec.policyTypes ?? [])].sort().join(",") === "Egress,Ingress" && (spec.ingress ?? []).length === 0 && (spec.egress ?? []).length === 0;
    });
    if (!denyAll) violations.push(`${ns}: no default-deny policy for both ingress and egress`);
    const quotas = inNamespace(ns, "ResourceQuota");
    const hard = (quotas[0]?.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {};
    if (quotas.length !== 1 || hard["services.nodeports"] !== "0" || hard["services.loadbalancers"] !== "0") {
      violations.push(`${ns}: ${quotas.length} ResourceQuota(s), hard ${JSON.stringify(hard)}`);
    }
    if (inNamespace(ns, "LimitRange").length !== 1) violations.push(`${ns}: ${inNamespace(ns, "LimitRange").length} LimitRange(s)`);
  }
  return violations;
}


function shuffleInPlace<T>(items: T[], next: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/** Shuffles every list and the keys of every mapping of a YAML file, in place. */
export function shuffleYamlFile(path: string, next: () => number): void {
  const document = parseDocument(readFileSync(path, "utf8"));
  visit(document, {
    Seq(_, node) {
      shuffleInPlace(node.items, next);
    },
    Map(_, node) {
      shuffleInPlace(node.items, next);
    },
  });
  writeFileSync(path, document.toString());
}

/** Shuffles every YAML file of a declaration folder. */
export function shuffleDeclaration(configDir: string, seed: number): void {
  const next = random(seed);
  for (const name of ["platform.yaml", "waivers.yaml"]) shuffleYamlFile(join(configDir, name), next);
  for (const name of readdirSync(join(configDir, "departments")).sort()) shuffleYamlFile(join(configDir, "departments", name), next);
}
