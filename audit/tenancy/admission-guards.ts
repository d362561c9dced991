import type { ArtifactResource, ArtifactStack } from "../export";
import { parseLabelSelector } from "../connectivity/label-selector";
import { field } from "./pod-templates";
import type { TenantNamespace } from "./tenant-namespaces";

/**
 * The ValidatingAdmissionPolicies of the artifact that deny (not just warn about) requests in a
 * tenant namespace: what stops a tenant's own, hand-applied objects, beyond the templates.
 */
export class AdmissionGuards {
  private readonly policies: readonly ArtifactResource[];
  private readonly bindings: readonly ArtifactResource[];

  constructor(stacks: readonly ArtifactStack[]) {
    const resources = stacks.flatMap((s) => s.resources).filter((r) => r.object.apiVersion.startsWith("admissionregistration.k8s.io/"));
    this.policies = resources.filter((r) => r.object.kind === "ValidatingAdmissionPolicy");
    this.bindings = resources.filter((r) => r.object.kind === "ValidatingAdmissionPolicyBinding");
  }

  /** The policy named `name` and a Deny binding of it that selects `namespace`, if both exist. */
  guarding(name: string, namespace: TenantNamespace): { readonly policy: ArtifactResource; readonly binding: ArtifactResource } | undefined {
    const policy = this.policies.find((p) => p.cluster === namespace.cluster && p.object.metadata.name === name);
    // failurePolicy Ignore lets requests through whenever the policy cannot be evaluated.
    if (!policy || field(policy.object, "spec", "failurePolicy") === "Ignore") return undefined;
    const binding = this.bindings.find((b) => {
      if (b.cluster !== namespace.cluster || field(b.object, "spec", "policyName") !== name) return false;
      const actions = field(b.object, "spec", "validationActions");
      if (!Array.isArray(actions) || !actions.includes("Deny")) return false;
      let malformed = false;
      const selector = parseLabelSelector(field(b.object, "spec", "matchResources", "namespaceSelector"), [], () => (malformed = true));
      return !malformed && selector.matches(namespace.labels);
    });
    return binding ? { policy, binding } : undefined;
  }
}
