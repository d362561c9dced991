import type { ServiceDeclaration } from "../schema/department";
import type { Level } from "../schema/common";
import { Bytes, Cpu } from "./quantity";
import { BACKUP_JOB_RESOURCES, SIDECAR_RESOURCES } from "../../constructs/templates/template-resources";

/**
 * What a catalog service costs, per replica: the single source for the templates' requests and
 * limits (equal, so quotas account exactly) and for the quota check that runs before synthesis.
 */
export const SIZE_PRESETS = {
  small: { cpu: "250m", memory: "512Mi" },
  medium: { cpu: "1", memory: "2Gi" },
  large: { cpu: "4", memory: "8Gi" },
} as const;


/** Levels 3 and 4 run at least two replicas of everything that has replicas. */
export function minimumReplicas(level: Level): number {
  return level >= 3 ? 2 : 1;
}

export function serviceResources(service: Pick<ServiceDeclaration, "size" | "resources">): { cpu: string; memory: string } {
  if (service.resources) return { cpu: Cpu.parse(service.resources.cpu).toString(), memory: service.resources.memory };
  return SIZE_PRESETS[service.size ?? "small"];
}

export function serviceReplicas(service: Pick<ServiceDeclaration, "replicas" | "template">, level: Level): number {
  if (service.template === "cron") return 1;
  return service.replicas ?? minimumReplicas(level);
}

export interface ServiceFootprint {
  readonly cpu: Cpu;
  readonly memory: Bytes;
  readonly storage: Bytes;
  readonly pods: number;
}

/** Everything one service asks of its namespace's quota: replicas, sidecars, volumes and backup job. */
export function serviceFootprint(service: ServiceDeclaration, level: Level): ServiceFootprint {
  const replicas = serviceReplicas(service, level);
  const own = serviceResources(service);
  const stateful = service.template === "postgres" || service.template === "redis";
  let cpu = Cpu.parse(own.cpu).times(replicas);
  let memory = Bytes.parse(own.memory).times(replicas);
  let storage = Bytes.of(0);
  let pods = replicas;
  if (stateful) {
    cpu = cpu.plus(Cpu.parse(SIDECAR_RESOURCES.cpu).times(replicas));
    memory = memory.plus(Bytes.parse(SIDECAR_RESOURCES.memory).times(replicas));
    if (service.storage) storage = Bytes.parse(service.storage).times(replicas);
  }
  if (service.backup) {
    cpu = cpu.plus(Cpu.parse(BACKUP_JOB_RESOURCES.cpu));
    memory = memory.plus(Bytes.parse(BACKUP_JOB_RESOURCES.memory));
    pods += 1;
    if ("volume" in service.backup.target) storage = storage.plus(Bytes.parse(service.backup.target.volume.size));
  }
  return { cpu, memory, storage, pods };
}

/** Templates that run as Deployments, which roll out by surging (Kubernetes' default maxSurge, 25%, rounded up). */
const DEPLOYMENT_TEMPLATES = new Set(["web", "api", "worker"]);
const DEFAULT_MAX_SURGE = 0.25;

/**
 * What the scheduler must place for one service, at its worst moment: its footprint's pods
 * (replicas with sidecars, the backup job's pod, a cron run) plus, for a Deployment, the extra
 * pods of one rolling update. Requests equal limits, so nothing here can be overcommitted.
 * StatefulSets replace their pods one at a time without surging.
 */
export function scheduledRequests(service: ServiceDeclaration, level: Level): { cpu: Cpu; memory: Bytes } {
  const footprint = serviceFootprint(service, level);
  if (!DEPLOYMENT_TEMPLATES.has(service.template)) return { cpu: footprint.cpu, memory: footprint.memory };
  const surge = Math.ceil(serviceReplicas(service, level) * DEFAULT_MAX_SURGE);
  const own = serviceResources(service);
  return { cpu: footprint.cpu.plus(Cpu.parse(own.cpu).times(surge)), memory: footprint.memory.plus(Bytes.parse(own.memory).times(surge)) };
}
