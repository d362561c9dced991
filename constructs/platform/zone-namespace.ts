import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { ANNOTATION, LABEL, MANAGED_LABELS, type ZoneName } from "../labels";
import { NamespaceFirewall } from "../network/namespace-firewall";
import { podSecurityLabels, type PodSecurityProfile } from "../pod-security";

export interface ZoneNamespaceProps {
  /** Namespace name, as declared in `platform.yaml`. */
  readonly name: string;
  /** The zone the namespace forms: `gateway` (DMZ) or `mgmt` (security management centre). */
  readonly zone: Extract<ZoneName, "gateway" | "mgmt">;
  /** What the zone is for, shown to auditors. */
  readonly description: string;
  /**
   * Pod Security Admission profile enforced in the zone.
   * @default "baseline" - platform components such as an ingress controller run under
   * baseline; anything weaker must be asked for here, explicitly.
   */
  readonly podSecurity?: PodSecurityProfile;
  readonly provider: TerraformProvider;
}

/**
 * A platform zone's namespace, labelled with its zone so policies and auditors can select it,
 * and isolated like every namespace: default deny, with its flows added to `firewall`.
 */
export class ZoneNamespace extends Construct {
  readonly namespace: NamespaceV1;
  readonly firewall: NamespaceFirewall;

  constructor(scope: Construct, id: string, props: ZoneNamespaceProps) {
    super(scope, id);
    const profile = props.podSecurity ?? "baseline";
    this.namespace = new NamespaceV1(this, "namespace", {
      provider: props.provider,
      metadata: {
        name: props.name,
        labels: {
          ...MANAGED_LABELS,
          [LABEL.zone]: props.zone,
          ...podSecurityLabels(profile, "restricted"),
        },
        annotations: { [ANNOTATION.description]: props.description },
      },
    });
    this.firewall = new NamespaceFirewall(this, "firewall", { namespace: this.namespace.metadata.name, provider: props.provider });
  }
}
