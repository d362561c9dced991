import type { DepartmentDeclaration, DepartmentFileDeclaration, ServiceOverride } from "../schema/department";
import { didYouMean } from "./did-you-mean";
import { error, type FieldPath, type Problem } from "./problem";

/**
 * Services declared once (`services:` of a department file) placed into each environment they
 * run in, with that environment's overrides applied. Everything after loading reads the placed
 * form; `writtenPath` maps a field of it back to where the user wrote it (the override's line
 * when the environment overrides the field, the shared definition's otherwise), so problems
 * point at a line of the file.
 */
export interface PlacedDepartment {
  readonly department: DepartmentDeclaration;
  readonly writtenPath: (path: FieldPath) => FieldPath;
  /** Overrides or `in:` entries naming an environment the department does not declare. */
  readonly problems: readonly Problem[];
}

export function placeSharedServices(file: string, written: DepartmentFileDeclaration): PlacedDepartment {
  const { services: shared = [], ...rest } = written;
  const environments = rest.environments ?? [];
  const names = environments.map((e) => e.name).filter((n): n is string => typeof n === "string");
  const problems: Problem[] = [];
  const unknownEnvironment = (name: string, at: FieldPath) =>
    problems.push(error(file, at, `no environment "${name}" in this department${didYouMean(name, names)}; environments: ${names.join(", ") || "none"}`));
  shared.forEach((service, k) => {
    service.in?.forEach((name, i) => {
      if (!names.includes(name)) unknownEnvironment(name, ["services", k, "in", i]);
    });
    for (const name of Object.keys(service.environments ?? {})) {
      if (!names.includes(name)) unknownEnvironment(name, ["services", k, "environments", name]);
      else if (service.in && !service.in.includes(name)) {
        problems.push(error(file, ["services", k, "environments", name], `service "${service.name}" does not run in environment "${name}" (in: ${service.in.join(", ")}); add it to in, or remove this override`));
      }
    }
  });

  // For each environment, which shared service each placed service (after the local ones) came from.
  const origins: number[][] = environments.map(() => []);
  const placedEnvironments = environments.map((env, ei) => {
    const local = env.services ?? [];
    const placed = shared.flatMap((service, k) => {
      if (env.name === undefined || (service.in && !service.in.includes(env.name))) return [];
      origins[ei].push(k);
      return [placeService(service, service.environments?.[env.name])];
    });
    return { ...env, services: [...local, ...placed] };
  });
  const department = { ...rest, environments: placedEnvironments } as DepartmentDeclaration;

  const writtenPath = (path: FieldPath): FieldPath => {
    if (path[0] !== "environments" || path[2] !== "services" || typeof path[1] !== "number" || typeof path[3] !== "number") return path;
    const [, ei, , si, field, ...deeper] = path as [string, number, string, number, ...Array<string | number>];
    const localCount = environments[ei]?.services?.length ?? 0;
    if (si < localCount) return path;
    const k = origins[ei]?.[si - localCount];
    if (k === undefined) return path;
    if (field === undefined) return ["services", k];
    const envName = environments[ei].name as string;
    const override = shared[k].environments?.[envName];
    if (override && field === "image" && override.image === undefined && override.digest !== undefined) {
      return ["services", k, "environments", envName, "digest"];
    }
    if (override && typeof field === "string" && field in override) return ["services", k, "environments", envName, field, ...deeper];
    return ["services", k, field, ...deeper];
  };
  return { department, writtenPath, problems };
}

/** The shared definition with one environment's override laid over it. */
function placeService(service: DepartmentFileDeclaration["services"][number], override: ServiceOverride | undefined) {
  const { in: _in, environments: _environments, ...base } = service;
  if (!override) return base;
  const { digest, ...fields } = override;
  const placed = { ...base, ...fields };
  // A digest pins the shared image's tag: registry/path:tag@sha256:..., whatever the shared image pinned before.
  if (digest !== undefined && fields.image === undefined && typeof base.image === "string") placed.image = `${base.image.replace(/@sha256:[a-f0-9]+$/, "")}@${digest}`;
  return placed;
}
