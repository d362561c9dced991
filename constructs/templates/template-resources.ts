/**
 * What the templates add beside a service's own containers. Plain data, no cdktf: the quota
 * check that runs before synthesis (config/model/workload-sizing.ts) counts the same numbers.
 */

/** The metrics exporter beside each postgres and redis replica. */
export const SIDECAR_RESOURCES = { cpu: "50m", memory: "64Mi" } as const;

/** The backup job of a postgres service, counted while it runs. */
export const BACKUP_JOB_RESOURCES = { cpu: "250m", memory: "256Mi" } as const;
