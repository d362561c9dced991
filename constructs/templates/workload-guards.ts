import type { ProtectionLevel } from "../labels";
import type { AutoscalingProps } from "./workload-props";

/** From this level on, workloads are redundant, spread, budgeted and pinned by digest. */
export const REDUNDANT_LEVEL = 3;
/** The fewest replicas a workload may run at a redundant level. */
export const MIN_REDUNDANT_REPLICAS = 2;

/**
 * The replica count of a replicated workload: the requested one, else the minimum of the level.
 * Refuses fewer than the level allows, so a single pod never carries a level-3 service.
 */
export function resolveReplicas(level: ProtectionLevel, replicas: number | undefined): number {
  const minimum = level >= REDUNDANT_LEVEL ? MIN_REDUNDANT_REPLICAS : 1;
  if (replicas === undefined) return minimum;
  if (!Number.isInteger(replicas) || replicas < minimum) {
    throw new Error(`'replicas' must be at least ${minimum} at level ${level}, got ${replicas}`);
  }
  return replicas;
}

/** Refuses an autoscaler that could scale below the level's minimum or whose bounds contradict the replica count. */
export function checkAutoscaling(level: ProtectionLevel, autoscaling: AutoscalingProps, replicas: number | undefined): void {
  const minimum = level >= REDUNDANT_LEVEL ? MIN_REDUNDANT_REPLICAS : 1;
  const { minReplicas, maxReplicas, cpuUtilization } = autoscaling;
  if (!Number.isInteger(minReplicas) || minReplicas < minimum) {
    throw new Error(`'autoscaling.minReplicas' must be at least ${minimum} at level ${level}, got ${minReplicas}`);
  }
  if (!Number.isInteger(maxReplicas) || maxReplicas < minReplicas) {
    throw new Error(`'autoscaling.maxReplicas' must be at least 'autoscaling.minReplicas' (${minReplicas}), got ${maxReplicas}`);
  }
  // Limits equal requests, so utilization above 100% of the request can never be reached.
  if (!Number.isInteger(cpuUtilization) || cpuUtilization < 1 || cpuUtilization > 100) {
    throw new Error(`'autoscaling.cpuUtilization' must be a whole percentage between 1 and 100, got ${cpuUtilization}`);
  }
  if (replicas !== undefined && (replicas < minReplicas || replicas > maxReplicas)) {
    throw new Error(`'replicas' must lie within the autoscaling bounds ${minReplicas}..${maxReplicas}, got ${replicas}`);
  }
}

/**
 * Refuses an image not pinned by digest at a redundant level. The configuration validator reports
 * this to users with file and line first; this is the construct's own guard.
 */
export function requirePinnedImage(field: string, image: string, level: ProtectionLevel): void {
  if (level >= REDUNDANT_LEVEL && !image.includes("@sha256:")) {
    throw new Error(`'${field}' must be pinned by digest (<image>@sha256:<digest>) at level ${level}, got '${image}'`);
  }
}
