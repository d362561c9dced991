import { Construct } from "constructs";
import type { TerraformProvider } from "cdktf";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { ClusterIssuer } from "@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer";

export interface SharingCertificateAuthorityProps {
  readonly provider: TerraformProvider;
  readonly clusterIssuer: string;
  /** Secret in cert-manager's cluster resource namespace with the CA key pair (`tls.crt`, `tls.key`); a prerequisite, never created here. */
  readonly caSecret: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The cert-manager ClusterIssuer of the platform's sharing CA on one cluster. Every cluster signs
 * with the same CA key pair (the platform team installs its Secret with cert-manager), so a
 * client certificate issued on the consumer's cluster verifies at the provider cluster's gateway.
 */
export class SharingCertificateAuthority extends Construct {
  readonly issuer: Manifest;

  constructor(scope: Construct, id: string, props: SharingCertificateAuthorityProps) {
    super(scope, id);
    const issuer = new ClusterIssuer({
      metadata: { name: props.clusterIssuer, labels: { ...props.labels } },
      spec: { ca: { secretName: props.caSecret } },
    });
    issuer.validate();
    this.issuer = new Manifest(this, "cluster-issuer", { provider: props.provider, manifest: issuer.toJSON() as Record<string, unknown> });
  }
}
