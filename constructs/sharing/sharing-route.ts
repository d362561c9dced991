import { Construct } from "constructs";
import type { TerraformProvider } from "cdktf";
import { IngressV1 } from "@cdktf/provider-kubernetes/lib/ingress-v1";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { AUTH_TLS_ANNOTATION, CLIENT_VERIFY_DEPTH, commonNamePattern } from "./mutual-tls";
import { sharingCertificate } from "./sharing-certificate";

export interface SharingRouteProps {
  readonly provider: TerraformProvider;
  /** The provider's namespace (the namespace resource's name attribute, so Terraform orders creation). */
  readonly namespace: string;
  /** The provider's Service, which has a port named `http`. */
  readonly service: string;
  readonly host: string;
  readonly ingressClassName: string;
  /** The ClusterIssuer of the platform's sharing CA. */
  readonly clusterIssuer: string;
  /** Secret of the server certificate, in the provider's namespace; its `ca.crt` verifies clients. */
  readonly serverCertificateSecret: string;
  /** Common names of the client certificates admitted: the consumers of the agreements in force. */
  readonly admittedCommonNames: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** Facts for auditors (approvals, expiry, consumers). */
  readonly annotations?: Readonly<Record<string, string>>;
}

/**
 * The provider cluster's gateway route for cross-cluster data sharing: an Ingress on the
 * platform's ingress class whose TLS uses a server certificate from the sharing CA and which
 * demands a client certificate from the same CA, admitting only the agreed consumers' common
 * names (mutual TLS). There is no opt-out: reaching the gateway's address is never enough.
 * Until cert-manager has issued the server certificate, the controller answers 403 to everyone.
 */
export class SharingRoute extends Construct {
  readonly ingress: IngressV1;
  readonly certificate: Manifest;

  constructor(scope: Construct, id: string, props: SharingRouteProps) {
    super(scope, id);
    const name = `${props.service}-sharing`;
    this.certificate = new Manifest(this, "certificate", {
      provider: props.provider,
      manifest: sharingCertificate({
        name,
        namespace: props.namespace,
        labels: props.labels,
        clusterIssuer: props.clusterIssuer,
        secretName: props.serverCertificateSecret,
        identity: { serverHosts: [props.host] },
      }),
    });
    this.ingress = new IngressV1(this, "ingress", {
      provider: props.provider,
      metadata: {
        name,
        namespace: props.namespace,
        labels: { ...props.labels },
        annotations: {
          ...props.annotations,
          [AUTH_TLS_ANNOTATION.verifyClient]: "on",
          [AUTH_TLS_ANNOTATION.secret]: `${props.namespace}/${props.serverCertificateSecret}`,
          [AUTH_TLS_ANNOTATION.verifyDepth]: String(CLIENT_VERIFY_DEPTH),
          [AUTH_TLS_ANNOTATION.matchCn]: commonNamePattern(props.admittedCommonNames),
        },
      },
      spec: {
        ingressClassName: props.ingressClassName,
        tls: [{ hosts: [props.host], secretName: props.serverCertificateSecret }],
        rule: [
          {
            host: props.host,
            http: { path: [{ path: "/", pathType: "Prefix", backend: { service: { name: props.service, port: { name: "http" } } } }] },
          },
        ],
      },
    });
  }
}
