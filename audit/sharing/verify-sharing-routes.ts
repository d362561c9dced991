import type { PlatformModel } from "../../config/model/platform-model";
import { sharingRoutes } from "../../config/model/sharing-routes";
import type { ArtifactStack } from "../export";
import { podTemplates, records } from "../tenancy/pod-templates";
import { gatewayAdmission, gatewayRoutes, presentedCertificates, type PresentedCertificate } from "./gateway-admission";
import { groupBy } from "../group-by";

/** One cross-cluster route of the artifact and who may use it: the client certificates its gateway admits. */
export interface SharingRouteEntry {
  readonly cluster: string;
  readonly namespace: string;
  readonly name: string;
  readonly host: string;
  /** `department/environment/service` of the provider, when the route serves a declared agreement. */
  readonly provider?: string;
  readonly admitted: ReadonlyArray<{ readonly consumer: string; readonly commonName: string; readonly cluster: string; readonly namespace: string }>;
  /** The consumers of the agreements in force, as declared. */
  readonly intended: readonly string[];
}

export interface SharingRouteReport {
  readonly routes: readonly SharingRouteEntry[];
  /** Every way the artifact's routes differ from the agreements in force, one line each. */
  readonly findings: readonly string[];
  readonly passed: boolean;
}

const addressOf = (labels: Readonly<Record<string, string>> | undefined): string | undefined =>
  labels?.["govcloud/department"] && labels["govcloud/environment"] && labels["govcloud/service"]
    ? `${labels["govcloud/department"]}/${labels["govcloud/environment"]}/${labels["govcloud/service"]}`
    : undefined;

/**
 * Cross-cluster sharing as the gateways will enforce it: for each provider service shared across
 * clusters (the agreements in force, as declared), the artifact must route its host to that
 * service with mutual TLS, and the client certificates that route admits, among all the artifact
 * issues, must be exactly those of the agreements' consumers, each mounted by its consumer's pods.
 */
export function verifySharingRoutes(stacks: readonly ArtifactStack[], model: PlatformModel): SharingRouteReport {
  const routes = gatewayRoutes(stacks);
  const certificates = presentedCertificates(stacks);
  const templates = podTemplates(stacks);
  const findings: string[] = [];
  const entries: SharingRouteEntry[] = [];
  const consumerOf = (c: PresentedCertificate) => addressOf(c.resource?.object.metadata.labels) ?? `${c.cluster} ${c.namespace}`;
  const intendedRoutes = sharingRoutes(model);
  const served = new Set<string>();
  // Indexes instead of scans: at province scale every route against every certificate and every pod was most of the check.
  const routeAt = firstBy(routes, (r) => key(r.cluster, r.host));
  const certificatesOf = groupBy(certificates, (c) => key(c.cluster, c.namespace, c.commonName ?? null));
  const templatesIn = groupBy(templates, (t) => key(t.resource.cluster, t.namespace));

  for (const intended of intendedRoutes) {
    const p = intended.provider;
    const provider = `${p.department}/${p.environment}/${p.service}`;
    const route = routeAt.get(key(p.cluster, intended.host));
    const consumers = intended.consumers.map((c) => `${c.consumer.department}/${c.consumer.environment}/${c.consumer.service}`);
    if (!route) {
      findings.push(`${provider}: no route for ${intended.host} on cluster ${p.cluster}; its cross-cluster consumers (${consumers.join(", ")}) cannot reach it`);
      continue;
    }
    const at = `${route.cluster} ${route.namespace}/${route.name} (${route.host})`;
    served.add(`${route.cluster}/${route.namespace}/${route.name}`);
    if (route.namespace !== p.namespace || route.backend.service !== p.service || route.backend.port !== "http") {
      findings.push(`${at}: forwards to ${route.namespace}/${route.backend.service}:${route.backend.port}, not to ${provider} (${p.namespace}/${p.service}:http)`);
    }
    if (route.misconfiguration !== undefined) findings.push(`${at}: ${route.misconfiguration}`);
    const admitted = certificates.filter((c) => gatewayAdmission(route, c).admitted);
    for (const c of admitted) {
      if (!intended.consumers.some((i) => i.commonName === c.commonName && i.consumer.cluster === c.cluster && i.consumer.namespace === c.namespace)) {
        findings.push(`${at}: admits the certificate of ${consumerOf(c)} (CN=${c.commonName ?? ""}), which has no agreement in force with ${provider}`);
      }
    }
    if (gatewayAdmission(route, undefined).admitted) findings.push(`${at}: admits clients without a certificate`);
    for (const i of intended.consumers) {
      const consumer = `${i.consumer.department}/${i.consumer.environment}/${i.consumer.service}`;
      const own = certificatesOf.get(key(i.consumer.cluster, i.consumer.namespace, i.commonName)) ?? [];
      if (own.length === 0) {
        findings.push(`${at}: consumer ${consumer} has no client certificate CN=${i.commonName} on cluster ${i.consumer.cluster}`);
        continue;
      }
      for (const c of own) {
        const admission = gatewayAdmission(route, c);
        if (!admission.admitted) findings.push(`${at}: refuses consumer ${consumer} (agreement ${i.approval}): ${admission.reason}`);
        const mounted = (templatesIn.get(key(c.cluster, c.namespace)) ?? []).some(
          (t) =>
            addressOf(t.resource.object.metadata.labels) === consumer &&
            records(t.spec.volumes).some((v) => (v.secret as { secretName?: string } | undefined)?.secretName === c.secretName),
        );
        if (!mounted) findings.push(`${at}: the pods of consumer ${consumer} do not mount its client certificate Secret ${c.secretName}`);
      }
    }
    entries.push({
      cluster: route.cluster,
      namespace: route.namespace,
      name: route.name,
      host: route.host,
      provider,
      admitted: admitted.map((c) => ({ consumer: consumerOf(c), commonName: c.commonName ?? "", cluster: c.cluster, namespace: c.namespace })),
      intended: consumers,
    });
  }
  for (const route of routes.filter((r) => !served.has(`${r.cluster}/${r.namespace}/${r.name}`))) {
    findings.push(`${route.cluster} ${route.namespace}/${route.name} (${route.host}): authenticates clients for no cross-cluster agreement in force`);
    entries.push({
      cluster: route.cluster,
      namespace: route.namespace,
      name: route.name,
      host: route.host,
      admitted: certificates.filter((c) => gatewayAdmission(route, c).admitted).map((c) => ({ consumer: consumerOf(c), commonName: c.commonName ?? "", cluster: c.cluster, namespace: c.namespace })),
      intended: [],
    });
  }
  return { routes: entries, findings, passed: findings.length === 0 };
}

/** A key equal for equal parts only. */
function key(...parts: ReadonlyArray<string | null>): string {
  return JSON.stringify(parts);
}

function firstBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const first = new Map<string, T>();
  for (const item of items) if (!first.has(keyOf(item))) first.set(keyOf(item), item);
  return first;
}

