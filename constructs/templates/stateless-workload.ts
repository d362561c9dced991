import { APPLY_WAITS } from "./apply-waits";
import type { Construct } from "constructs";
import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import type { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { APP_USER_ID, clientCertificateMount, hardenedContainer, hardenedPodSpec, type ContainerOptions } from "./hardened-pod";
import { resolveReplicas } from "./workload-guards";
import type { WorkloadTemplateProps } from "./workload-props";
import { WorkloadTemplate } from "./workload-template";

/** How a stateless template shapes its one application container. */
export interface StatelessContainer {
  readonly ports: ContainerOptions["ports"];
  readonly livenessProbe: ContainerOptions["livenessProbe"];
  readonly readinessProbe: ContainerOptions["readinessProbe"];
}

/** Seconds a stateless pod gets to finish in-flight work after SIGTERM. */
export const STATELESS_TERMINATION_GRACE_SECONDS = 30;

/**
 * A replicated, stateless workload: a Deployment of one hardened container running as
 * {@link APP_USER_ID}, and at level 3 and above at least two replicas, spread over nodes, with a
 * disruption budget.
 */
export abstract class StatelessWorkload extends WorkloadTemplate {
  readonly deployment: DeploymentV1;
  /** Present at level 3 and above. */
  readonly disruptionBudget?: PodDisruptionBudgetV1;
  /** The replica count the Deployment is created with. */
  readonly replicas: number;

  protected constructor(
    scope: Construct,
    id: string,
    props: WorkloadTemplateProps,
    component: string,
    container: StatelessContainer,
    options: { readonly replicas?: number; readonly autoscaled?: boolean } = {},
  ) {
    super(scope, id, props, component);
    this.replicas = resolveReplicas(props.level, options.replicas ?? props.replicas);
    const clientCertificate = clientCertificateMount(props.clientCertificateSecret);
    this.deployment = new DeploymentV1(this, "deployment", {
      provider: props.provider,
      dependsOn: [this.serviceAccount],
      waitForRollout: APPLY_WAITS.waitForRollout,
      // The autoscaler owns the replica count once it exists; Terraform must not reset it.
      ...(options.autoscaled ? { lifecycle: { ignoreChanges: ["spec[0].replicas"] } } : {}),
      metadata: this.metadata(props.service),
      spec: {
        replicas: String(this.replicas),
        revisionHistoryLimit: 5,
        selector: { matchLabels: { ...this.selectorLabels } },
        template: {
          metadata: { labels: { ...this.labels } },
          spec: this.readingSecrets("Deployment", props.service, hardenedPodSpec({
            props,
            serviceAccountName: props.service,
            userId: APP_USER_ID,
            spreadSelector: this.selectorLabels,
            terminationGracePeriodSeconds: STATELESS_TERMINATION_GRACE_SECONDS,
            volumes: clientCertificate.volumes,
            containers: [hardenedContainer({ name: props.service, image: props.image, resources: props.resources, ...container, mounts: clientCertificate.mounts })],
          })),
        },
      },
    });
    this.disruptionBudget = this.addDisruptionBudget();
  }
}
