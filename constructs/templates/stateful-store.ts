import { APPLY_WAITS } from "./apply-waits";
import type { TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import type { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { StatefulSetV1 } from "@cdktf/provider-kubernetes/lib/stateful-set-v1";
import { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";
import { LABEL, MANAGED_LABELS } from "../labels";
import { SIDECAR_RESOURCES } from "./template-resources";
import type { Mount } from "./credential-files";
import { hardenedContainer, hardenedPodSpec, httpProbes, tcpProbes, type Container, type EnvVar, type Volume } from "./hardened-pod";
import { requirePinnedImage, resolveReplicas } from "./workload-guards";
import type { WorkloadTemplateProps } from "./workload-props";
import { WorkloadTemplate } from "./workload-template";

/** Label the StatefulSet controller puts on each pod; the client Service selects the primary, ordinal 0, by it. */
export const POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
/** Seconds a store gets to flush and shut down cleanly after SIGTERM. */
export const STATEFUL_TERMINATION_GRACE_SECONDS = 60;
/** Name of each replica's data volume claim template. */
export const DATA_VOLUME = "data";
/** Keys the credentials Secret of a store must hold. */
export const CREDENTIALS_SECRET_KEYS = { username: "username", password: "password" } as const;

export interface StatefulStoreProps extends WorkloadTemplateProps {
  /**
   * Size of each replica's data volume (`20Gi`). Growing it is an in-place change of the claims
   * (on a storage class that allows volume expansion); a claim never shrinks.
   */
  readonly storage: string;
  /**
   * Existing Secret holding the store's credentials under the keys of
   * {@link CREDENTIALS_SECRET_KEYS}; referenced by name, read by the pods, never created here.
   */
  readonly credentialsSecretName: string;
  /** Image of the metrics exporter, run as a sidecar on the metrics port with {@link SIDECAR_RESOURCES}. */
  readonly exporterImage: string;
}

/** What one store engine contributes to the common shape. */
export interface StoreEngine {
  readonly component: string;
  /** The image's own non-root user; group and file-system group are the same id. */
  readonly userId: number;
  /** Name of the server's container port and of the Services' port. */
  readonly portName: string;
  readonly port: number;
  /** Where the data volume is mounted. */
  readonly dataPath: string;
  /** Writable emptyDir paths the server needs besides `/tmp`, by volume name. */
  readonly scratch?: Readonly<Record<string, string>>;
  readonly command?: string[];
  readonly env: EnvVar[];
  /** Volumes the engine's containers share besides the data volume and the scratch paths (credentials). */
  readonly volumes: Volume[];
  /** The server's mounts besides the data volume and the scratch paths. */
  readonly mounts: Mount[];
  /** Run before the server and the exporter start (files derived from the credentials). @default - none */
  readonly initContainers?: Container[];
  readonly exporterArgs?: string[];
  readonly exporterEnv: EnvVar[];
  readonly exporterMounts: Mount[];
}

/**
 * The exporter's probes ask for its landing page on the metrics port, not for `/metrics`: a
 * scrape queries the store, so a slow store would fail the probe, and through readiness take the
 * whole pod, the store included, out of its Services.
 */
export const EXPORTER_PROBE_PATH = "/";

/**
 * A store with data of its own: a StatefulSet whose replicas each claim a data volume (kept when
 * the StatefulSet is deleted or scaled down), a headless Service for the replicas' stable names,
 * a client Service that reaches the primary (ordinal 0), and a metrics exporter sidecar. The
 * StatefulSet carries Terraform `prevent_destroy`. Hardening as every template's, with the
 * image's own user id; at level 3 and above at least 2 replicas, spread over nodes, a disruption
 * budget, the dedicated node pool when given, and every image pinned by digest.
 */
export abstract class StatefulStore extends WorkloadTemplate {
  readonly statefulSet: StatefulSetV1;
  /** Headless: gives each replica a stable DNS name, `<service>-<ordinal>.<service>-headless`. */
  readonly headlessService: ServiceV1;
  /** What clients connect to: the primary, ordinal 0. */
  readonly service: ServiceV1;
  /** Present at level 3 and above. */
  readonly disruptionBudget?: PodDisruptionBudgetV1;
  readonly replicas: number;
  /** Each replica's data volume claim, `data-<service>-<ordinal>`, by ordinal. */
  readonly dataClaims: PersistentVolumeClaimV1[];
  /**
   * Resources holding data, in a fixed order (the StatefulSet first), whose Terraform addresses
   * the stack records so that a removal is always deliberate.
   */
  readonly statefulResources: TerraformResource[];

  protected constructor(scope: Construct, id: string, props: StatefulStoreProps, engine: StoreEngine) {
    requirePinnedImage("exporterImage", props.exporterImage, props.level);
    if (props.metricsPort === engine.port) {
      throw new Error(`'metricsPort' must differ from the ${engine.component} port ${engine.port}: the exporter shares the pod's network, got ${props.metricsPort}`);
    }
    const replicas = resolveReplicas(props.level, props.replicas);
    super(scope, id, props, engine.component);
    this.replicas = replicas;
    const { provider, service } = props;
    const port = { name: engine.portName, port: engine.port, targetPort: engine.portName, protocol: "TCP" };

    this.headlessService = new ServiceV1(this, "headless-service", {
      provider,
      metadata: this.metadata(headlessServiceName(service)),
      spec: {
        clusterIp: "None",
        // Replicas find the primary by name while they are still starting.
        publishNotReadyAddresses: true,
        selector: { ...this.selectorLabels },
        port: [port],
      },
    });
    this.service = new ServiceV1(this, "service", {
      provider,
      metadata: this.metadata(service),
      spec: { type: "ClusterIP", selector: { ...this.selectorLabels, [POD_NAME_LABEL]: `${service}-0` }, port: [port] },
    });

    const scratch = Object.entries(engine.scratch ?? {}).sort(([a], [b]) => a.localeCompare(b));
    // Claims carry only labels that never change for the life of the data (no level, zone or
    // data class: re-grading an environment must not touch its volumes).
    const claimLabels = {
      ...MANAGED_LABELS,
      ...this.selectorLabels,
      [LABEL.instance]: this.labels[LABEL.instance],
      [LABEL.department]: props.department,
      [LABEL.environment]: props.environment,
    };
    const claimSpec = { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: props.storage } } };
    // Kubernetes never updates a StatefulSet's volume claim templates, and the provider does not
    // send such an edit either, so a larger size there would never reach a volume. The claims are
    // therefore objects of their own, named as the StatefulSet names its claims, which it adopts:
    // growing one is an in-place update of the claim (the provider's PersistentVolumeClaim
    // resizes in place, and replaces only on a decrease, which govcloud refuses). They exist
    // before the StatefulSet creates pods, so it never creates them itself.
    this.dataClaims = Array.from({ length: replicas }, (_, ordinal) =>
      new PersistentVolumeClaimV1(this, `data-claim-${ordinal}`, {
        provider,
        lifecycle: { preventDestroy: true },
        // A claim on a WaitForFirstConsumer class binds only when its pod is scheduled.
        waitUntilBound: false,
        metadata: { name: dataClaimName(service, ordinal), namespace: props.namespace, labels: claimLabels },
        spec: claimSpec,
      }),
    );
    this.statefulSet = new StatefulSetV1(this, "stateful-set", {
      provider,
      dependsOn: [this.serviceAccount, this.headlessService, ...this.dataClaims],
      // The template only names the claims for new replicas; the claims above are what is sized.
      lifecycle: { preventDestroy: true, ignoreChanges: ["spec[0].volume_claim_template"] },
      waitForRollout: APPLY_WAITS.waitForRollout,
      metadata: this.metadata(service),
      spec: {
        serviceName: headlessServiceName(service),
        replicas: String(replicas),
        revisionHistoryLimit: 5,
        selector: { matchLabels: { ...this.selectorLabels } },
        persistentVolumeClaimRetentionPolicy: [{ whenDeleted: "Retain", whenScaled: "Retain" }],
        volumeClaimTemplate: [
          {
            metadata: { name: DATA_VOLUME, labels: claimLabels },
            spec: claimSpec,
          },
        ],
        template: {
          metadata: { labels: { ...this.labels } },
          spec: this.readingSecrets("StatefulSet", service, hardenedPodSpec({
            props,
            serviceAccountName: service,
            userId: engine.userId,
            spreadSelector: this.selectorLabels,
            terminationGracePeriodSeconds: STATEFUL_TERMINATION_GRACE_SECONDS,
            volumes: [...scratch.map(([name]) => ({ name, emptyDir: { sizeLimit: "64Mi" } })), ...engine.volumes],
            initContainers: engine.initContainers,
            containers: [
              hardenedContainer({
                name: engine.component,
                image: props.image,
                resources: props.resources,
                ports: [{ name: engine.portName, containerPort: engine.port }],
                command: engine.command,
                env: engine.env,
                mounts: [{ name: DATA_VOLUME, mountPath: engine.dataPath }, ...scratch.map(([name, mountPath]) => ({ name, mountPath })), ...engine.mounts],
                ...tcpProbes(engine.portName),
              }),
              hardenedContainer({
                name: "exporter",
                image: props.exporterImage,
                resources: SIDECAR_RESOURCES,
                ports: [{ name: "metrics", containerPort: props.metricsPort }],
                args: engine.exporterArgs,
                env: engine.exporterEnv,
                mounts: engine.exporterMounts,
                ...httpProbes("metrics", EXPORTER_PROBE_PATH, EXPORTER_PROBE_PATH),
              }),
            ],
          })),
        },
      },
    });
    this.disruptionBudget = this.addDisruptionBudget();
    this.statefulResources = [this.statefulSet, ...this.dataClaims];
  }
}

/** The name the StatefulSet controller gives replica `ordinal`'s data claim: `<template>-<statefulset>-<ordinal>`. */
export function dataClaimName(service: string, ordinal: number): string {
  return `${DATA_VOLUME}-${service}-${ordinal}`;
}

export function headlessServiceName(service: string): string {
  return `${service}-headless`;
}
