import type { ArtifactResource, ArtifactStack } from "../export";
import { parseLabelSelector, type LabelSelector } from "../connectivity/label-selector";
import { field } from "./pod-templates";
import type { TenantNamespace } from "./tenant-namespaces";

/**
 * The ValidatingAdmissionPolicies of the artifact that deny (not just warn about) requests in a
 * tenant namespace: what stops a tenant's own, hand-applied objects, beyond the templates.
 */
export class AdmissionGuards {
  private readonly policies: readonly ArtifactResource[];
  /** The Deny bindings, in artifact order, each with the namespace selector it binds by (undefined: malformed, binds nothing). */
  private readonly denyBindings: ReadonlyArray<{ readonly binding: ArtifactResource; readonly selector?: LabelSelector }>;

  constructor(stacks: readonly ArtifactStack[]) {
    const resources = stacks.flatMap((s) => s.resources).filter((r) => r.object.apiVersion.startsWith("admissionregistration.k8s.io/"));
    this.policies = resources.filter((r) => r.object.kind === "ValidatingAdmissionPolicy");
    // Asked for every tenant namespace of a province and every rule: each binding's selector is read once.
    this.denyBindings = resources
      .filter((r) => r.object.kind === "ValidatingAdmissionPolicyBinding")
      .filter((b) => {
        const actions = field(b.object, "spec", "validationActions");
        return Array.isArray(actions) && actions.includes("Deny");
      })
      .map((binding) => {
        let malformed = false;
        const selector = parseLabelSelector(field(binding.object, "spec", "matchResources", "namespaceSelector"), [], () => (malformed = true));
        return { binding, selector: malformed ? undefined : selector };
      });
  }

  /** The policy named `name` and a Deny binding of it that selects `namespace`, if both exist. */
  guarding(name: string, namespace: TenantNamespace): { readonly policy: ArtifactResource; readonly binding: ArtifactResource } | undefined {
    const policy = this.policies.find((p) => p.cluster === namespace.cluster && p.object.metadata.name === name);
    // failurePolicy Ignore lets requests through whenever the policy cannot be evaluated.
    if (!policy || field(policy.object, "spec", "failurePolicy") === "Ignore") return undefined;
    const found = this.denyBindings.find(
      ({ binding, selector }) => binding.cluster === namespace.cluster && field(binding.object, "spec", "policyName") === name && selector !== undefined && selector.matches(namespace.labels),
    );
    return found ? { policy, binding: found.binding } : undefined;
  }
}
