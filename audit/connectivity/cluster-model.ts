import { ConnectivityInputError, ManifestProblem } from "./connectivity-input-error";
import { LabelSelector, Labels } from "./label-selector";
import { ManifestObject, namespaceOf } from "./manifest-object";
import { NetworkPolicyModel, collectNetworkPolicies } from "./policy-model";
import { Workload, collectNamespaces, collectWorkloads } from "./workload-peers";

/** Everything connectivity depends on, validated: namespaces with labels, workloads and policies. */
export interface ClusterModel {
  readonly namespaces: ReadonlyMap<string, Labels>;
  readonly workloads: readonly Workload[];
  readonly policies: readonly NetworkPolicyModel[];
}

/** Builds the model, or throws ConnectivityInputError with every problem found in the manifests. */
export function buildClusterModel(manifests: readonly ManifestObject[]): ClusterModel {
  const problems: ManifestProblem[] = [];
  const workloads = collectWorkloads(manifests, problems);
  const policies = collectNetworkPolicies(manifests, problems);
  const referenced = manifests.filter((m) => m.kind !== "Namespace").map(namespaceOf);
  const namespaces = collectNamespaces(manifests, referenced);
  const model = { namespaces, workloads, policies };
  problems.push(...findOwnersSplitBySelectors(model));
  if (problems.length > 0) throw new ConnectivityInputError(problems);
  return model;
}

/**
 * The report names pods by their owner, which is only sound when every selector treats all pods
 * of one owner alike. Pods of one owner with different labels are fine until a selector tells them
 * apart; then the owner cannot stand for them and the input is refused.
 */
function findOwnersSplitBySelectors(model: ClusterModel): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  for (const workload of model.workloads) {
    if (workload.podLabelSets.length < 2) continue;
    const namespaceLabels = model.namespaces.get(workload.namespace) ?? {};
    const splitting = model.policies.find((policy) =>
      selectorsOver(policy, workload.namespace, namespaceLabels).some((selector) => {
        const first = selector.matches(workload.podLabelSets[0]);
        return workload.podLabelSets.some((labels) => selector.matches(labels) !== first);
      }),
    );
    if (splitting !== undefined) {
      problems.push({
        file: workload.manifest.file,
        line: workload.manifest.locate([])?.line,
        object: `${workload.kind} ${workload.namespace}/${workload.name}`,
        message: `its pods have different labels and NetworkPolicy ${splitting.namespace}/${splitting.name} selects some of them but not all; pods of one owner must be selected alike`,
      });
    }
  }
  return problems;
}

/** The pod selectors of a policy that apply to pods of the given namespace. */
function selectorsOver(policy: NetworkPolicyModel, namespace: string, namespaceLabels: Labels): LabelSelector[] {
  const selectors: LabelSelector[] = [];
  if (policy.namespace === namespace) selectors.push(policy.podSelector);
  for (const rule of [...policy.ingress, ...policy.egress]) {
    for (const peer of rule.peers ?? []) {
      if (peer.type !== "pods" || peer.podSelector === undefined) continue;
      const reachesNamespace = peer.namespaceSelector === undefined ? policy.namespace === namespace : peer.namespaceSelector.matches(namespaceLabels);
      if (reachesNamespace) selectors.push(peer.podSelector);
    }
  }
  return selectors;
}
