import type {
  DeploymentV1SpecTemplateSpec,
  DeploymentV1SpecTemplateSpecContainer,
  DeploymentV1SpecTemplateSpecContainerEnv,
  DeploymentV1SpecTemplateSpecContainerEnvFrom,
  DeploymentV1SpecTemplateSpecContainerLivenessProbe,
  DeploymentV1SpecTemplateSpecVolume,
} from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { REDUNDANT_LEVEL } from "./workload-guards";
import { DEDICATED_TAINT_KEY, NODE_POOL_LABEL, type WorkloadTemplateProps } from "./workload-props";

/** The non-root user, group and file-system group application containers run as. */
export const APP_USER_ID = 10001;
/** Size cap of the writable `/tmp` scratch volume every container gets (the root file system is read-only). */
export const SCRATCH_SIZE_LIMIT = "1Gi";
/** Name of the `/tmp` scratch volume. */
export const SCRATCH_VOLUME = "tmp";

export type Container = DeploymentV1SpecTemplateSpecContainer;
export type PodSpec = DeploymentV1SpecTemplateSpec;
export type Probe = DeploymentV1SpecTemplateSpecContainerLivenessProbe;
export type EnvVar = DeploymentV1SpecTemplateSpecContainerEnv;
export type Volume = DeploymentV1SpecTemplateSpecVolume;

export interface ContainerOptions {
  readonly name: string;
  readonly image: string;
  /** Requests, and the same limits (Guaranteed QoS). */
  readonly resources: { readonly cpu: string; readonly memory: string };
  /** Named container ports, declared in this order. */
  readonly ports?: ReadonlyArray<{ readonly name: string; readonly containerPort: number }>;
  readonly command?: string[];
  readonly args?: string[];
  readonly env?: EnvVar[];
  readonly envFrom?: DeploymentV1SpecTemplateSpecContainerEnvFrom[];
  readonly livenessProbe?: Probe;
  readonly readinessProbe?: Probe;
  readonly startupProbe?: Probe;
  /** Mounts besides `/tmp` (volumes of the pod, by name), writable unless `readOnly`. */
  readonly mounts?: ReadonlyArray<{ readonly name: string; readonly mountPath: string; readonly readOnly?: boolean }>;
}

/**
 * A container that cannot escalate: no privilege, no privilege escalation, every capability
 * dropped, a read-only root file system with `/tmp` as its only default scratch space, and
 * limits equal to requests. Images are always pulled, so the registry checks the pod's right to
 * the image at every start and a node's cache never lends one department's image to another.
 */
export function hardenedContainer(options: ContainerOptions): Container {
  return {
    name: options.name,
    image: options.image,
    imagePullPolicy: "Always",
    ...(options.command ? { command: options.command } : {}),
    ...(options.args ? { args: options.args } : {}),
    ...(options.ports?.length ? { port: options.ports.map((p) => ({ name: p.name, containerPort: p.containerPort, protocol: "TCP" })) } : {}),
    ...(options.env?.length ? { env: options.env } : {}),
    ...(options.envFrom?.length ? { envFrom: options.envFrom } : {}),
    ...(options.livenessProbe ? { livenessProbe: options.livenessProbe } : {}),
    ...(options.readinessProbe ? { readinessProbe: options.readinessProbe } : {}),
    ...(options.startupProbe ? { startupProbe: options.startupProbe } : {}),
    resources: {
      requests: { cpu: options.resources.cpu, memory: options.resources.memory },
      limits: { cpu: options.resources.cpu, memory: options.resources.memory },
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    },
    volumeMount: [{ name: SCRATCH_VOLUME, mountPath: "/tmp" }, ...(options.mounts ?? []).map((m) => ({ name: m.name, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true } : {}) }))],
  };
}

export interface PodOptions {
  readonly props: Pick<WorkloadTemplateProps, "level" | "nodePool" | "priorityClassName">;
  readonly serviceAccountName: string;
  /** User, group and file-system group of every container of the pod. */
  readonly userId: number;
  readonly containers: Container[];
  /** Containers run to completion, in order, before `containers` start. @default - none */
  readonly initContainers?: Container[];
  /** Volumes besides the `/tmp` scratch volume. */
  readonly volumes?: Volume[];
  /** Pods of the same workload, spread over nodes at redundant levels. @default - no spread (single pods, jobs) */
  readonly spreadSelector?: Readonly<Record<string, string>>;
  readonly terminationGracePeriodSeconds: number;
  /** @default - the controller's default (Always) */
  readonly restartPolicy?: "Always" | "OnFailure" | "Never";
}

/**
 * A pod spec that runs as a fixed non-root user under the runtime's default seccomp profile,
 * without the service-account token or service-link environment, at the level's priority, and,
 * at redundant levels, spread across nodes. With a node pool, it is pinned to that dedicated,
 * tainted pool and tolerates its taint.
 */
export function hardenedPodSpec(options: PodOptions): PodSpec {
  const { level, nodePool, priorityClassName } = options.props;
  const uid = String(options.userId);
  return {
    serviceAccountName: options.serviceAccountName,
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    priorityClassName,
    terminationGracePeriodSeconds: options.terminationGracePeriodSeconds,
    ...(options.restartPolicy ? { restartPolicy: options.restartPolicy } : {}),
    securityContext: {
      runAsNonRoot: true,
      runAsUser: uid,
      runAsGroup: uid,
      fsGroup: uid,
      seccompProfile: { type: "RuntimeDefault" },
    },
    ...(nodePool
      ? {
          nodeSelector: { [NODE_POOL_LABEL]: nodePool },
          toleration: [{ key: DEDICATED_TAINT_KEY, operator: "Equal", value: nodePool, effect: "NoSchedule" }],
        }
      : {}),
    ...(options.spreadSelector && level >= REDUNDANT_LEVEL
      ? {
          topologySpreadConstraint: [
            {
              maxSkew: 1,
              topologyKey: "kubernetes.io/hostname",
              whenUnsatisfiable: "DoNotSchedule",
              labelSelector: [{ matchLabels: { ...options.spreadSelector } }],
            },
          ],
        }
      : {}),
    ...(options.initContainers?.length ? { initContainer: options.initContainers } : {}),
    container: options.containers,
    volume: [{ name: SCRATCH_VOLUME, emptyDir: { sizeLimit: SCRATCH_SIZE_LIMIT } }, ...(options.volumes ?? [])],
  };
}

/** Liveness and readiness over HTTP on a named container port. */
export function httpProbes(port: string, livenessPath: string, readinessPath: string): { livenessProbe: Probe; readinessProbe: Probe } {
  return {
    livenessProbe: { httpGet: { path: livenessPath, port }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
    readinessProbe: { httpGet: { path: readinessPath, port }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 3 },
  };
}

/**
 * Liveness and readiness by TCP connection on a named port, for servers without an HTTP health
 * endpoint; the startup probe gives a first start (database initialisation) five minutes.
 */
export function tcpProbes(port: string): { livenessProbe: Probe; readinessProbe: Probe; startupProbe: Probe } {
  return {
    startupProbe: { tcpSocket: [{ port }], periodSeconds: 10, failureThreshold: 30 },
    livenessProbe: { tcpSocket: [{ port }], periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 },
    readinessProbe: { tcpSocket: [{ port }], periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 3 },
  };
}

/** An environment variable read from a key of an existing Secret: the value never enters the configuration or the state. */
export function secretEnv(name: string, secretName: string, key: string): EnvVar {
  return { name, valueFrom: { secretKeyRef: { name: secretName, key } } };
}

/** Where a consumer's pods find the client certificate of cross-cluster sharing (`tls.crt`, `tls.key`, `ca.crt`). */
export const CLIENT_CERTIFICATE_PATH = "/etc/govcloud/sharing-tls";
const CLIENT_CERTIFICATE_VOLUME = "sharing-client-tls";
/** What cert-manager writes into a Certificate's Secret, and all the client needs. */
const CLIENT_CERTIFICATE_KEYS = ["ca.crt", "tls.crt", "tls.key"];

/** The volume and read-only mount of a cross-cluster consumer's client certificate; nothing without one. */
export function clientCertificateMount(secretName: string | undefined): { volumes: Volume[]; mounts: NonNullable<ContainerOptions["mounts"]> } {
  if (secretName === undefined) return { volumes: [], mounts: [] };
  return {
    volumes: [{ name: CLIENT_CERTIFICATE_VOLUME, secret: { secretName, defaultMode: "0440", items: CLIENT_CERTIFICATE_KEYS.map((key) => ({ key, path: key })) } }],
    mounts: [{ name: CLIENT_CERTIFICATE_VOLUME, mountPath: CLIENT_CERTIFICATE_PATH, readOnly: true }],
  };
}
