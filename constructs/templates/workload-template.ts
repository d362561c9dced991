import { Construct } from "constructs";
import { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { REDUNDANT_LEVEL, requirePinnedImage } from "./workload-guards";
import { selectorLabels, workloadLabels } from "./workload-labels";
import type { PodSpec } from "./hardened-pod";
import { secretReadsOfPod, type SecretRead } from "./secret-reads";
import type { WorkloadTemplateProps } from "./workload-props";

/**
 * What all catalog templates share: the labels, the selector, and a ServiceAccount of the
 * workload's own whose token is never mounted. Refuses an image not pinned by digest at level 3
 * and above.
 */
export abstract class WorkloadTemplate extends Construct {
  /** Labels of every object of the workload, pods included. */
  readonly labels: Readonly<Record<string, string>>;
  /** The stable labels the workload's pods are selected by (`govcloud/service`, `app.kubernetes.io/name`). */
  readonly selectorLabels: Readonly<Record<string, string>>;
  readonly serviceAccount: ServiceAccountV1;
  /**
   * Every Secret the workload's objects read (pods, the Ingress's certificate), found in the
   * specs as they are built: the stack declares each as an ExternalSecret or lists it as a
   * prerequisite, so none is silently missing on the first apply.
   */
  readonly secretReads: SecretRead[] = [];
  protected readonly props: WorkloadTemplateProps;

  protected constructor(scope: Construct, id: string, props: WorkloadTemplateProps, component: string) {
    super(scope, id);
    requirePinnedImage("image", props.image, props.level);
    this.props = props;
    this.labels = workloadLabels(props, component);
    this.selectorLabels = selectorLabels(props);
    this.serviceAccount = new ServiceAccountV1(this, "service-account", {
      provider: props.provider,
      metadata: this.metadata(props.service),
      automountServiceAccountToken: false,
    });
  }

  /** Records the Secrets a pod spec reads, under its controller's kind and name; returns the spec. */
  protected readingSecrets(kind: string, name: string, spec: PodSpec): PodSpec {
    this.secretReads.push(...secretReadsOfPod(`${kind} ${name}`, spec));
    return spec;
  }

  /** Metadata of one of the workload's objects, in its namespace, with its labels. */
  protected metadata(name: string, labels: Readonly<Record<string, string>> = this.labels) {
    return { name, namespace: this.props.namespace, labels: { ...labels } };
  }

  /** At level 3 and above, voluntary disruptions (drains, upgrades) take at most one pod at a time. */
  protected addDisruptionBudget(): PodDisruptionBudgetV1 | undefined {
    if (this.props.level < REDUNDANT_LEVEL) return undefined;
    return new PodDisruptionBudgetV1(this, "disruption-budget", {
      provider: this.props.provider,
      metadata: this.metadata(this.props.service),
      spec: { maxUnavailable: "1", selector: { matchLabels: { ...this.selectorLabels } } },
    });
  }
}
