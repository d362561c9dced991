import type { TerraformProvider } from "cdktf";
import type { Construct } from "constructs";
import type { EnvironmentModel, PlatformModel } from "../config/model/platform-model";
import type { DepartmentSharingModel } from "../config/model/sharing-routes";
import { LABEL, MANAGED_LABELS, zoneOfLevel } from "../constructs/labels";
import { ClientCertificate } from "../constructs/sharing/client-certificate";
import { SharingRoute } from "../constructs/sharing/sharing-route";

/** Annotations that tell an auditor, on the objects themselves, whom a route admits and under which agreements. */
export const SHARING_ANNOTATION = {
  consumers: "govcloud/sharing-consumers",
  approvals: "govcloud/sharing-approvals",
  routes: "govcloud/sharing-routes",
} as const;

/**
 * model → props for the cross-cluster sharing objects of one environment: the gateway routes of
 * the services it provides across clusters, and the client certificates of the services that
 * consume across clusters. Returns each consuming service's certificate Secret, for its pods to mount.
 */
export function addSharingCertificates(
  scope: Construct,
  model: PlatformModel,
  env: EnvironmentModel,
  namespace: string,
  provider: TerraformProvider,
  sharing: DepartmentSharingModel,
): Map<string, string> {
  const sharingCa = model.network.gateway.sharingCa;
  const { routes, certificates } = sharing;
  const labels = (service: string, name: string, component: string) => ({
    ...MANAGED_LABELS,
    [LABEL.name]: name,
    [LABEL.component]: component,
    [LABEL.department]: env.department,
    [LABEL.environment]: env.name,
    [LABEL.level]: String(env.level),
    [LABEL.zone]: zoneOfLevel(env.level),
    [LABEL.service]: service,
  });
  const here = (p: { namespace: string; cluster: string }) => p.namespace === env.namespace && p.cluster === env.cluster;
  const mounted = new Map<string, string>();
  if (!sharingCa) return mounted; // validation refuses cross-cluster agreements without the CA
  for (const route of routes.filter((r) => here(r.provider))) {
    const service = route.provider.service;
    new SharingRoute(scope, `sharing-route-${service}`, {
      provider,
      namespace,
      service,
      host: route.host,
      ingressClassName: model.network.gateway.ingressController.ingressClass,
      clusterIssuer: sharingCa.clusterIssuer,
      serverCertificateSecret: route.serverCertificateSecret,
      admittedCommonNames: route.consumers.map((c) => c.commonName),
      labels: labels(service, `${service}-sharing`, "sharing-route"),
      annotations: {
        [SHARING_ANNOTATION.consumers]: route.consumers.map((c) => `${c.consumer.department}/${c.consumer.environment}/${c.consumer.service}`).join(", "),
        [SHARING_ANNOTATION.approvals]: [...new Set(route.consumers.map((c) => `${c.approval} (${c.expires !== undefined ? `until ${c.expires}` : "unconditional"})`))].sort().join(", "),
      },
    });
  }
  for (const certificate of certificates.filter((c) => here(c.consumer))) {
    const service = certificate.consumer.service;
    new ClientCertificate(scope, `sharing-client-${service}`, {
      provider,
      namespace,
      service,
      commonName: certificate.commonName,
      clusterIssuer: sharingCa.clusterIssuer,
      secretName: certificate.secretName,
      labels: labels(service, `${service}-sharing-client`, "sharing-client"),
      annotations: { [SHARING_ANNOTATION.routes]: certificate.hosts.join(", ") },
    });
    mounted.set(service, certificate.secretName);
  }
  return mounted;
}
