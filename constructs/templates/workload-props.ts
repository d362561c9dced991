import type { TerraformProvider } from "cdktf";
import type { ProtectionLevel } from "../labels";

/**
 * What every catalog template receives. Stacks fill it from the validated model; templates
 * never read configuration. Quantities are Kubernetes strings (`500m`, `2Gi`).
 */
export interface WorkloadTemplateProps {
  readonly department: string;
  readonly environment: string;
  /** Service name: names the workload, its Service, ServiceAccount and pod label `govcloud/service`. */
  readonly service: string;
  /** Namespace name; pass the namespace resource's name attribute so Terraform orders creation. */
  readonly namespace: string;
  readonly level: ProtectionLevel;
  /** Data class of what the service holds; a pod label and an annotation for auditors. */
  readonly dataClass: string;
  /** Full image reference, already checked against the registry allowlist and pinning rules. */
  readonly image: string;
  /** Requests per replica; limits are the same (Guaranteed QoS, so quotas account exactly). */
  readonly resources: { readonly cpu: string; readonly memory: string };
  /** @default - 1 at levels 1–2, 2 at levels 3–4 (the minimum there) */
  readonly replicas?: number;
  /** Port the service listens on; a Service is created for it. @default - no port, no Service */
  readonly port?: number;
  /** Port the workload serves metrics on, scraped from the management zone. */
  readonly metricsPort: number;
  /** Levels 3–4: the dedicated, tainted node pool the pods must run on. @default - the shared pool */
  readonly nodePool?: string;
  /** Priority class of the level (`govcloud-level-N`). */
  readonly priorityClassName: string;
  /**
   * Secret with the client certificate the service presents at other clusters' gateways for
   * cross-cluster data sharing, mounted read-only at `/etc/govcloud/sharing-tls`; referenced by
   * name, never read. @default - the service consumes nothing across clusters; nothing mounted
   */
  readonly clientCertificateSecret?: string;
  readonly provider: TerraformProvider;
}

/** Where and how an internet or extranet exposure is published through the gateway. */
export interface ExposureProps {
  readonly exposure: "internet" | "extranet";
  readonly host: string;
  readonly ingressClassName: string;
  /** Existing Secret holding the certificate; referenced by name, never created. */
  readonly tlsSecretName: string;
  /** Extranet exposures admit only these source ranges at the controller. @default - anywhere */
  readonly sourceRanges?: readonly string[];
}

export interface AutoscalingProps {
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly cpuUtilization: number;
}

export interface BackupProps {
  /** Cron schedule, in the cluster's time zone. */
  readonly schedule: string;
  /** Image of the backup tool (from an allowed registry). */
  readonly image: string;
  /** Either a volume of this size, kept with `prevent_destroy`, or an S3-compatible bucket whose credentials are in a Secret. */
  readonly target:
    | { readonly kind: "volume"; readonly size: string }
    | { readonly kind: "s3"; readonly bucket: string; readonly endpoint: string; readonly secretName: string };
  /**
   * Days a dump is kept on a `volume` target before the job deletes it.
   * @default 7 - for an `s3` target, expiry is the bucket's lifecycle rule, not the job's
   */
  readonly retentionDays?: number;
}

/** Kubernetes' cap on label values; stable hashes keep longer names unique. */
export const MAX_LABEL_VALUE = 63;

/** Node label and taint key of dedicated node pools. */
export const NODE_POOL_LABEL = "govcloud/node-pool";
export const DEDICATED_TAINT_KEY = "govcloud/dedicated";
