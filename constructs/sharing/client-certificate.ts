import { Construct } from "constructs";
import type { TerraformProvider } from "cdktf";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { sharingCertificate } from "./sharing-certificate";

export interface ClientCertificateProps {
  readonly provider: TerraformProvider;
  readonly namespace: string;
  readonly service: string;
  readonly commonName: string;
  readonly clusterIssuer: string;
  /** Where cert-manager writes the key pair; the consumer's pods mount it by name. */
  readonly secretName: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/**
 * The client certificate a consuming service presents at other clusters' gateways: signed by the
 * platform's sharing CA, its subject only its common name. Tenants cannot create cert-manager
 * objects (their roles grant no cert-manager.io resources), so only the platform's Terraform
 * decides which names exist.
 */
export class ClientCertificate extends Construct {
  readonly certificate: Manifest;

  constructor(scope: Construct, id: string, props: ClientCertificateProps) {
    super(scope, id);
    this.certificate = new Manifest(this, "certificate", {
      provider: props.provider,
      manifest: sharingCertificate({
        name: `${props.service}-sharing-client`,
        namespace: props.namespace,
        labels: props.labels,
        annotations: props.annotations,
        clusterIssuer: props.clusterIssuer,
        secretName: props.secretName,
        identity: { client: props.commonName },
      }),
    });
  }
}
