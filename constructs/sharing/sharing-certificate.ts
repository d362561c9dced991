import { Certificate } from "@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate";

/** Lifetime of sharing certificates; cert-manager renews them a third of it before the end. */
export const SHARING_CERTIFICATE_DURATION = "2160h";
export const SHARING_CERTIFICATE_RENEW_BEFORE = "720h";

export interface SharingCertificateOptions {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly clusterIssuer: string;
  readonly secretName: string;
  /** A client certificate names its holder by common name only; a server certificate by its hosts. */
  readonly identity: { readonly client: string } | { readonly serverHosts: readonly string[] };
}

/**
 * A cert-manager Certificate signed by the platform's sharing CA, as a checked API object: the key
 * never leaves the cluster (cert-manager writes it to `secretName`), rotated on every renewal.
 * Throws when the object does not fit cert-manager's CRD schema.
 */
export function sharingCertificate(options: SharingCertificateOptions): Record<string, unknown> {
  const identity =
    "client" in options.identity
      ? { commonName: options.identity.client, usages: ["digital signature", "key encipherment", "client auth"] as const }
      : { dnsNames: [...options.identity.serverHosts], usages: ["digital signature", "key encipherment", "server auth"] as const };
  const certificate = new Certificate({
    metadata: {
      name: options.name,
      namespace: options.namespace,
      labels: { ...options.labels },
      ...(options.annotations ? { annotations: { ...options.annotations } } : {}),
    },
    spec: {
      secretName: options.secretName,
      issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: options.clusterIssuer },
      duration: SHARING_CERTIFICATE_DURATION,
      renewBefore: SHARING_CERTIFICATE_RENEW_BEFORE,
      privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
      ...identity,
      usages: [...identity.usages],
    },
  });
  certificate.validate();
  return certificate.toJSON() as Record<string, unknown>;
}
