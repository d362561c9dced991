import type { ArtifactResource, ArtifactStack } from "../export";
import { isRecord } from "../export/kubernetes-object";
import { AUTH_TLS_ANNOTATION } from "../../constructs/sharing/mutual-tls";

/**
 * What a gateway (ingress-nginx) does with a client that presents a certificate, or none, on a
 * route that authenticates clients, read from the artifact's objects only:
 *
 * - `auth-tls-secret` must name a Secret of the Ingress's own namespace (the controller refuses
 *   other namespaces by default, and an Ingress whose secret cannot be read answers 403 to all);
 *   here that Secret is a cert-manager Certificate's, and the CA that verifies clients is the one
 *   its ClusterIssuer signs with (`spec.ca.secretName`, the same CA key pair on every cluster);
 * - `auth-tls-verify-client: on` fails the handshake (400) without a certificate that CA signed
 *   for client authentication; `off` or `optional*` let clients without one through;
 * - `auth-tls-match-cn` must start with `CN=` and be a valid regular expression, else the
 *   controller drops the Ingress's client authentication altogether; nginx matches it, unanchored,
 *   against the subject DN (`CN=<common name>` for certificates carrying only a common name) and
 *   answers 403 on no match.
 */
export interface GatewayRoute {
  readonly resource: ArtifactResource;
  readonly cluster: string;
  readonly namespace: string;
  readonly name: string;
  readonly host: string;
  /** The Service and port the route forwards to. */
  readonly backend: { readonly service: string; readonly port: string };
  readonly verifyClient?: string;
  readonly caSecret?: string;
  readonly matchCn?: string;
  /** The CA that verifies clients (the CA key pair's Secret name), when the chain resolves. */
  readonly clientCa?: string;
  /** Why the route does not authenticate clients as mutual TLS requires, if it does not. */
  readonly misconfiguration?: string;
}

/** A client certificate that cert-manager issues from the artifact's Certificate objects. */
export interface PresentedCertificate {
  readonly resource?: ArtifactResource;
  readonly cluster: string;
  readonly namespace: string;
  readonly commonName?: string;
  /** The CA that signs it (the CA key pair's Secret name), when its issuer resolves. */
  readonly ca?: string;
  readonly clientAuth: boolean;
  readonly secretName?: string;
}

export type Admission = { readonly admitted: true } | { readonly admitted: false; readonly status: 400 | 403; readonly reason: string };

export function gatewayAdmission(route: GatewayRoute, client: PresentedCertificate | undefined): Admission {
  // An invalid match-cn makes the controller drop the route's client authentication altogether.
  if (route.matchCn !== undefined && validMatchCn(route.matchCn) === undefined) return { admitted: true };
  let verified: PresentedCertificate | undefined;
  if (route.verifyClient === "on") {
    // The controller cannot load the CA: it answers 403 to everyone (fails closed).
    if (route.clientCa === undefined) return { admitted: false, status: 403, reason: `the route's CA does not resolve: ${route.misconfiguration}` };
    if (client === undefined) return { admitted: false, status: 400, reason: "no client certificate was sent" };
    if (client.ca !== route.clientCa) return { admitted: false, status: 400, reason: `the client certificate is not signed by the route's CA (${route.clientCa})` };
    if (!client.clientAuth) return { admitted: false, status: 400, reason: "the certificate is not for client authentication" };
    verified = client;
  } else if (client !== undefined && route.clientCa !== undefined && client.ca === route.clientCa && client.clientAuth) {
    verified = client;
  }
  const pattern = validMatchCn(route.matchCn);
  if (pattern !== undefined) {
    const subject = verified?.commonName === undefined ? "" : `CN=${verified.commonName}`;
    if (!pattern.test(subject)) return { admitted: false, status: 403, reason: `subject "${subject}" does not match ${route.matchCn}` };
  }
  return { admitted: true };
}

// Each route's match-cn is tried against every certificate of the artifact: compiled once.
const compiledMatchCn = new Map<string, RegExp | undefined>();

function validMatchCn(value: string | undefined): RegExp | undefined {
  if (value === undefined || !value.startsWith("CN=")) return undefined;
  if (!compiledMatchCn.has(value)) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(value);
    } catch {
      pattern = undefined;
    }
    compiledMatchCn.set(value, pattern);
  }
  return compiledMatchCn.get(value);
}

const CERT_MANAGER = "cert-manager.io/v1";

/** Every route of the artifact that carries client-authentication annotations, with its CA resolved. */
export function gatewayRoutes(stacks: readonly ArtifactStack[]): GatewayRoute[] {
  const resources = stacks.flatMap((s) => s.resources);
  const issuers = clusterIssuers(resources);
  // The first Certificate writing each Secret, by cluster, namespace and Secret name.
  const certificateOf = new Map<string, ArtifactResource>();
  for (const c of resources) {
    if (c.object.apiVersion !== CERT_MANAGER || c.object.kind !== "Certificate") continue;
    const key = secretKey(c.cluster, c.object.metadata.namespace, (c.object.spec as any)?.secretName);
    if (!certificateOf.has(key)) certificateOf.set(key, c);
  }
  return resources
    .filter((r) => r.object.kind === "Ingress" && Object.keys(r.object.metadata.annotations ?? {}).some((k) => k.startsWith("nginx.ingress.kubernetes.io/auth-tls-")))
    .map((r) => {
      const annotations = r.object.metadata.annotations ?? {};
      const namespace = r.object.metadata.namespace ?? "default";
      const spec = r.object.spec as any;
      const rule = Array.isArray(spec?.rules) ? spec.rules[0] : undefined;
      const backend = rule?.http?.paths?.[0]?.backend?.service;
      const verifyClient = annotations[AUTH_TLS_ANNOTATION.verifyClient] ?? "on";
      const caSecret = annotations[AUTH_TLS_ANNOTATION.secret];
      const matchCn = annotations[AUTH_TLS_ANNOTATION.matchCn];
      let clientCa: string | undefined;
      let misconfiguration: string | undefined;
      const [secretNamespace, secretName] = caSecret?.includes("/") ? caSecret.split("/", 2) : [namespace, caSecret];
      if (caSecret === undefined) misconfiguration = `no ${AUTH_TLS_ANNOTATION.secret}: no CA verifies clients`;
      else if (secretNamespace !== namespace) misconfiguration = `${AUTH_TLS_ANNOTATION.secret} names a Secret of namespace ${secretNamespace}; the controller reads only the Ingress's own namespace`;
      else {
        const certificate = certificateOf.get(secretKey(r.cluster, namespace, secretName));
        clientCa = certificate ? caOf(certificate, issuers) : undefined;
        if (clientCa === undefined) misconfiguration = `${AUTH_TLS_ANNOTATION.secret} ${caSecret} is no Certificate of a CA ClusterIssuer in the artifact`;
      }
      if (misconfiguration === undefined && verifyClient !== "on") misconfiguration = `${AUTH_TLS_ANNOTATION.verifyClient} is "${verifyClient}": clients without a certificate are let through`;
      if (misconfiguration === undefined && validMatchCn(matchCn) === undefined) {
        misconfiguration = matchCn === undefined ? `no ${AUTH_TLS_ANNOTATION.matchCn}: every certificate of the CA is admitted` : `${AUTH_TLS_ANNOTATION.matchCn} "${matchCn}" is not CN= and a regular expression: the controller drops the route's client authentication`;
      }
      return {
        resource: r,
        cluster: r.cluster,
        namespace,
        name: r.object.metadata.name ?? "",
        host: typeof rule?.host === "string" ? rule.host : "",
        backend: { service: String(backend?.name ?? ""), port: String(backend?.port?.name ?? backend?.port?.number ?? "") },
        verifyClient,
        caSecret,
        matchCn,
        clientCa,
        misconfiguration,
      };
    });
}

/** Every client certificate the artifact has cert-manager issue. */
export function presentedCertificates(stacks: readonly ArtifactStack[]): PresentedCertificate[] {
  const resources = stacks.flatMap((s) => s.resources);
  const issuers = clusterIssuers(resources);
  return resources
    .filter((r) => r.object.apiVersion === CERT_MANAGER && r.object.kind === "Certificate")
    .map((r) => {
      const spec = (r.object.spec ?? {}) as any;
      return {
        resource: r,
        cluster: r.cluster,
        namespace: r.object.metadata.namespace ?? "default",
        commonName: typeof spec.commonName === "string" ? spec.commonName : undefined,
        ca: caOf(r, issuers),
        // cert-manager's default usages are digital signature and key encipherment: no client auth.
        clientAuth: Array.isArray(spec.usages) && spec.usages.includes("client auth"),
        secretName: typeof spec.secretName === "string" ? spec.secretName : undefined,
      };
    })
    .filter((c) => c.clientAuth);
}

/** A key equal for equal values only (a Secret name that is no string never equals one). */
function secretKey(cluster: string, namespace: unknown, secretName: unknown): string {
  return JSON.stringify([cluster, namespace ?? null, secretName ?? null]);
}

function clusterIssuers(resources: readonly ArtifactResource[]): Map<string, string> {
  const issuers = new Map<string, string>();
  for (const r of resources) {
    if (r.object.apiVersion !== CERT_MANAGER || r.object.kind !== "ClusterIssuer") continue;
    const ca = (r.object.spec as any)?.ca;
    if (isRecord(ca) && typeof ca.secretName === "string") issuers.set(`${r.cluster}/${r.object.metadata.name}`, ca.secretName);
  }
  return issuers;
}

function caOf(certificate: ArtifactResource, issuers: ReadonlyMap<string, string>): string | undefined {
  const ref = (certificate.object.spec as any)?.issuerRef;
  if (!isRecord(ref) || ref.kind !== "ClusterIssuer" || typeof ref.name !== "string") return undefined;
  return issuers.get(`${certificate.cluster}/${ref.name}`);
}
