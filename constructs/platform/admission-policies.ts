import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { LABEL, MANAGED_LABELS } from "../labels";

/**
 * The catalog's rules, enforced inside the cluster too, for anything a department applies by
 * hand: ValidatingAdmissionPolicies (Kubernetes ≥ 1.30, CEL) bound to tenant namespaces.
 */
export interface AdmissionPolicyDefinition {
  readonly name: string;
  /** What the policy checks, for auditors. */
  readonly description: string;
  readonly resources: { readonly apiGroup: string; readonly resource: string };
  /** CEL expressions over `object`; every one must hold. */
  readonly validations: ReadonlyArray<{ readonly expression: string; readonly message: string }>;
  /** Which tenant namespaces the binding selects: all, or those of some levels. */
  readonly levels?: readonly number[];
}

/** Every container of a pod, init containers included. */
const ALL_CONTAINERS = "(object.spec.containers + (has(object.spec.initContainers) ? object.spec.initContainers : []))";

function celString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

export function admissionPolicyDefinitions(registries: readonly string[]): AdmissionPolicyDefinition[] {
  const allowed = `[${[...registries].sort().map((r) => celString(`${r}/`)).join(", ")}]`;
  return [
    {
      name: "govcloud-allowed-registries",
      description: "Pods in tenant namespaces run images from the platform's registries only",
      resources: { apiGroup: "", resource: "pods" },
      validations: [
        {
          expression: `${ALL_CONTAINERS}.all(c, ${allowed}.exists(r, c.image.startsWith(r)))`,
          message: `images must come from an allowed registry: ${[...registries].sort().join(", ")}`,
        },
      ],
    },
    {
      name: "govcloud-pinned-tags",
      description: "Pods in level 1 and 2 namespaces run images pinned by a version tag, never latest",
      resources: { apiGroup: "", resource: "pods" },
      validations: [
        {
          // A tag is the part after the last ':' that has no '/' (a registry port is followed by a path).
          expression: `${ALL_CONTAINERS}.all(c, c.image.matches('^[^@]+:[^/@:]+(@sha256:[a-f0-9]{64})?$') && !c.image.matches('^[^@]+:latest(@.*)?$'))`,
          message: "images must be pinned by a version tag, not latest",
        },
      ],
      levels: [1, 2],
    },
    {
      name: "govcloud-pinned-digests",
      description: "Pods in level 3 and 4 namespaces run images pinned by digest",
      resources: { apiGroup: "", resource: "pods" },
      validations: [
        {
          expression: `${ALL_CONTAINERS}.all(c, c.image.matches('@sha256:[a-f0-9]{64}$'))`,
          message: "images must be pinned by digest (@sha256:…) at level 3 and 4",
        },
      ],
      levels: [3, 4],
    },
    {
      name: "govcloud-run-as-non-root",
      description: "Containers in tenant namespaces run as a non-root user (PSA baseline at levels 1–2 does not require it)",
      resources: { apiGroup: "", resource: "pods" },
      validations: [
        {
          expression:
            `${ALL_CONTAINERS}.all(c, (has(c.securityContext) && has(c.securityContext.runAsNonRoot)) ? c.securityContext.runAsNonRoot : ` +
            `(has(object.spec.securityContext) && has(object.spec.securityContext.runAsNonRoot) && object.spec.securityContext.runAsNonRoot))`,
          message: "containers must set runAsNonRoot: true (on the container or the pod)",
        },
        {
          expression:
            `${ALL_CONTAINERS}.all(c, !(has(c.securityContext) && has(c.securityContext.runAsUser) && c.securityContext.runAsUser == 0)) && ` +
            `!(has(object.spec.securityContext) && has(object.spec.securityContext.runAsUser) && object.spec.securityContext.runAsUser == 0)`,
          message: "runAsUser must not be 0 (root)",
        },
      ],
    },
    {
      name: "govcloud-no-privilege-escalation",
      description: "Containers in tenant namespaces set allowPrivilegeEscalation: false (PSA baseline does not require it)",
      resources: { apiGroup: "", resource: "pods" },
      validations: [
        {
          expression: `${ALL_CONTAINERS}.all(c, has(c.securityContext) && has(c.securityContext.allowPrivilegeEscalation) && c.securityContext.allowPrivilegeEscalation == false)`,
          message: "containers must set allowPrivilegeEscalation: false",
        },
      ],
    },
    {
      name: "govcloud-always-pull-images",
      description: "Containers in tenant namespaces pull their image on every start, so no tenant runs another's cached image",
      resources: { apiGroup: "", resource: "pods" },
      validations: [
        {
          expression: `${ALL_CONTAINERS}.all(c, has(c.imagePullPolicy) && c.imagePullPolicy == 'Always')`,
          message: "containers must set imagePullPolicy: Always",
        },
      ],
    },
    {
      name: "govcloud-no-node-ports",
      description: "Services in tenant namespaces are never NodePort or LoadBalancer: the gateway is the only entry",
      resources: { apiGroup: "", resource: "services" },
      validations: [
        {
          expression: "!has(object.spec.type) || !(object.spec.type in ['NodePort', 'LoadBalancer'])",
          message: "NodePort and LoadBalancer services are not allowed; publish through the gateway",
        },
      ],
    },
  ];
}

export interface AdmissionPoliciesProps {
  /** Registries (host[/path]) pods may pull from. */
  readonly registries: readonly string[];
  readonly provider: TerraformProvider;
}

/** The policies and their bindings, denying and auditing violations in tenant namespaces. */
export class AdmissionPolicies extends Construct {
  readonly definitions: readonly AdmissionPolicyDefinition[];

  constructor(scope: Construct, id: string, props: AdmissionPoliciesProps) {
    super(scope, id);
    this.definitions = admissionPolicyDefinitions(props.registries);
    for (const policy of this.definitions) {
      const api = "admissionregistration.k8s.io/v1";
      new Manifest(this, policy.name, {
        provider: props.provider,
        manifest: {
          apiVersion: api,
          kind: "ValidatingAdmissionPolicy",
          metadata: { name: policy.name, labels: { ...MANAGED_LABELS }, annotations: { "govcloud/description": policy.description } },
          spec: {
            failurePolicy: "Fail",
            matchConstraints: {
              resourceRules: [
                { apiGroups: [policy.resources.apiGroup], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: [policy.resources.resource] },
              ],
            },
            validations: policy.validations.map((v) => ({ expression: v.expression, message: v.message })),
          },
        },
      });
      new Manifest(this, `${policy.name}-binding`, {
        provider: props.provider,
        manifest: {
          apiVersion: api,
          kind: "ValidatingAdmissionPolicyBinding",
          metadata: { name: policy.name, labels: { ...MANAGED_LABELS } },
          spec: {
            policyName: policy.name,
            validationActions: ["Deny", "Audit"],
            matchResources: {
              namespaceSelector: policy.levels
                ? {
                    matchLabels: { [LABEL.tenant]: "true" },
                    matchExpressions: [{ key: LABEL.level, operator: "In", values: policy.levels.map(String) }],
                  }
                : { matchLabels: { [LABEL.tenant]: "true" } },
            },
          },
        },
      });
    }
  }
}
