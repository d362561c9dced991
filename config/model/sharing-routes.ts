import type { PlatformModel } from "./platform-model";
import type { SharingAgreementModel, SharingParty } from "./sharing-agreement";

/**
 * Cross-cluster sharing, as the provider cluster's gateway serves it. Each provider service with
 * an agreement in force across clusters gets one route (an Ingress on the platform's ingress
 * class, host `<service>.<environment>.<department>.share.<gateway domain>`) that demands a
 * client certificate from the platform's sharing CA and admits only the subjects of that
 * service's cross-cluster consumers. Each consuming service gets one client certificate, whose
 * only subject is its common name {@link consumerCommonName}.
 */
export interface SharingRouteModel {
  readonly provider: SharingAgreementModel["provider"];
  readonly host: string;
  /** Secret of the route's server certificate in the provider's namespace; its `ca.crt` is the sharing CA that verifies clients. */
  readonly serverCertificateSecret: string;
  /** The agreements in force the route serves, by consumer, sorted. */
  readonly consumers: ReadonlyArray<{ readonly consumer: SharingParty; readonly commonName: string; readonly approval: string; readonly expires?: string }>;
}

export interface ClientCertificateModel {
  readonly consumer: SharingParty;
  readonly commonName: string;
  /** Secret cert-manager writes the consumer's key and certificate to; the workload mounts it, nothing else reads it. */
  readonly secretName: string;
  /** Hosts of the routes it is presented to. */
  readonly hosts: readonly string[];
}

/** cert-manager refuses a common name longer than this (the X.509 upper bound). */
export const MAX_COMMON_NAME = 64;

/** `<service>.<namespace>`: one name per consuming service on the platform, as namespaces are unique. */
export function consumerCommonName(consumer: Pick<SharingParty, "service" | "namespace">): string {
  return `${consumer.service}.${consumer.namespace}`;
}

export function sharingRouteHost(provider: Pick<SharingParty, "department" | "environment" | "service">, domain: string): string {
  return `${provider.service}.${provider.environment}.${provider.department}.share.${domain}`;
}

export function clientCertificateSecret(service: string): string {
  return `${service}-sharing-client-tls`;
}

export function serverCertificateSecret(service: string): string {
  return `${service}-sharing-tls`;
}

const address = (p: Pick<SharingParty, "department" | "environment" | "service">) => `${p.department}/${p.environment}/${p.service}`;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The cross-cluster agreements in force: expired ones open nothing, here as in the network flows. */
function crossClusterAgreements(model: Pick<PlatformModel, "sharingAgreements">): SharingAgreementModel[] {
  return model.sharingAgreements.filter((a) => a.route === "gateway" && a.status !== "expired");
}

export function sharingRoutes(model: Pick<PlatformModel, "sharingAgreements" | "network">): SharingRouteModel[] {
  const routes = new Map<string, { provider: SharingAgreementModel["provider"]; agreements: SharingAgreementModel[] }>();
  for (const a of crossClusterAgreements(model)) {
    const key = address(a.provider);
    const route = routes.get(key) ?? { provider: a.provider, agreements: [] };
    route.agreements.push(a);
    routes.set(key, route);
  }
  return [...routes.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([, { provider, agreements }]) => ({
      provider,
      host: sharingRouteHost(provider, model.network.gateway.domain),
      serverCertificateSecret: serverCertificateSecret(provider.service),
      consumers: agreements
        .map((a) => ({ consumer: a.consumer, commonName: consumerCommonName(a.consumer), approval: a.approval, ...(a.expires !== undefined ? { expires: a.expires } : {}) }))
        .sort((x, y) => byText(x.commonName, y.commonName)),
    }));
}

export function clientCertificates(model: Pick<PlatformModel, "sharingAgreements" | "network">): ClientCertificateModel[] {
  const certificates = new Map<string, { consumer: SharingParty; hosts: Set<string> }>();
  for (const a of crossClusterAgreements(model)) {
    const key = address(a.consumer);
    const certificate = certificates.get(key) ?? { consumer: a.consumer, hosts: new Set<string>() };
    certificate.hosts.add(sharingRouteHost(a.provider, model.network.gateway.domain));
    certificates.set(key, certificate);
  }
  return [...certificates.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([, { consumer, hosts }]) => ({
      consumer,
      commonName: consumerCommonName(consumer),
      secretName: clientCertificateSecret(consumer.service),
      hosts: [...hosts].sort(byText),
    }));
}

/** What one department's stack holds of cross-cluster sharing: the routes of the services it provides, the certificates of those it consumes with. */
export interface DepartmentSharingModel {
  readonly routes: readonly SharingRouteModel[];
  readonly certificates: readonly ClientCertificateModel[];
}

/**
 * The province's routes and certificates, computed once and divided by department (in their
 * sorted order), so that a department's stack reads its own sharing, not every agreement of the
 * province: what it reads is what its cached copy is keyed on.
 */
export function sharingByDepartment(model: Pick<PlatformModel, "sharingAgreements" | "network">): ReadonlyMap<string, DepartmentSharingModel> {
  const byDepartment = new Map<string, { routes: SharingRouteModel[]; certificates: ClientCertificateModel[] }>();
  const of = (department: string) => {
    let found = byDepartment.get(department);
    if (!found) byDepartment.set(department, (found = { routes: [], certificates: [] }));
    return found;
  };
  for (const route of sharingRoutes(model)) of(route.provider.department).routes.push(route);
  for (const certificate of clientCertificates(model)) of(certificate.consumer.department).certificates.push(certificate);
  return byDepartment;
}

/** A department with no cross-cluster sharing. */
export const NO_SHARING: DepartmentSharingModel = { routes: [], certificates: [] };
