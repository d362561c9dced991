import { error, type Problem } from "../declaration/problem";
import type { ServiceDeclaration } from "../schema/department";
import { minimumReplicas } from "../model/workload-sizing";
import type { DeclarationRule } from "./rule";

type Template = ServiceDeclaration["template"];
type Field = keyof ServiceDeclaration;

/** Fields that only make sense for some templates, and those each template needs. */
const ONLY_FOR: Partial<Record<Field, readonly Template[]>> = {
  schedule: ["cron"],
  engine: ["postgres"],
  credentialsSecret: ["postgres", "redis"],
  backup: ["postgres"],
  autoscale: ["web", "api"],
  storage: ["postgres", "redis"],
  retired: ["postgres", "redis"],
  replicas: ["web", "api", "worker", "postgres", "redis"],
  port: ["web", "api", "worker", "postgres", "redis"],
};
const REQUIRED: Record<Template, readonly Field[]> = {
  web: ["port"],
  api: ["port"],
  worker: [],
  cron: ["schedule"],
  postgres: ["port", "storage"],
  redis: ["port", "storage"],
};

/** What each catalog template accepts and needs, and what a protection level adds. */
export const serviceTemplates: DeclarationRule = ({ platform, departments }) => {
  const problems: Problem[] = [];
  const { metricsPort } = platform.data.network.management;
  for (const department of departments) {
    department.data.environments.forEach((env, ei) =>
      env.services.forEach((service, si) => {
        if (service.name === undefined || service.template === undefined || env.level === undefined) return; // reported by the schema
        const at = (field: string) => ["environments", ei, "services", si, field];
        const named = `service "${service.name}" (template ${service.template})`;
        for (const [field, templates] of Object.entries(ONLY_FOR) as Array<[Field, Template[]]>) {
          if (service[field] !== undefined && !templates.includes(service.template)) {
            problems.push(error(department.file, at(field), `${named} cannot have "${field}"; it applies to ${templates.join(", ")}`));
          }
        }
        for (const field of REQUIRED[service.template]) {
          if (service[field] === undefined) problems.push(error(department.file, at("template"), `${named} needs "${field}"`));
        }
        // A database or cache pod runs a metrics exporter beside it, on the platform's metrics port.
        if ((service.template === "postgres" || service.template === "redis") && service.port === metricsPort) {
          problems.push(error(department.file, at("port"), `${named} listens on port ${metricsPort}, which its metrics exporter uses (network.management.metricsPort of the platform); choose another port`));
        }
        if (service.size !== undefined && service.resources !== undefined) {
          problems.push(error(department.file, at("resources"), `${named} gives both a size and resources; choose one`));
        }
        const minimum = minimumReplicas(env.level);
        if (service.replicas !== undefined && service.replicas < minimum) {
          problems.push(error(department.file, at("replicas"), `${named} runs at level ${env.level}, which needs at least ${minimum} replicas; got ${service.replicas}`));
        }
        if (service.autoscale) {
          if (service.autoscale.minReplicas > service.autoscale.maxReplicas) {
            problems.push(error(department.file, [...at("autoscale"), "minReplicas"], `minReplicas ${service.autoscale.minReplicas} is above maxReplicas ${service.autoscale.maxReplicas}`));
          } else if (service.autoscale.minReplicas < minimum) {
            problems.push(error(department.file, [...at("autoscale"), "minReplicas"], `${named} runs at level ${env.level}, which needs at least ${minimum} replicas; got minReplicas ${service.autoscale.minReplicas}`));
          } else if (service.replicas !== undefined && (service.replicas < service.autoscale.minReplicas || service.replicas > service.autoscale.maxReplicas)) {
            // The template refuses a starting count the autoscaler would immediately override.
            problems.push(error(department.file, at("replicas"), `${named} declares replicas ${service.replicas}, outside its autoscale bounds ${service.autoscale.minReplicas}..${service.autoscale.maxReplicas}; remove replicas or change the bounds`));
          }
        }
        const exposed = service.exposure === "internet" || service.exposure === "extranet";
        if (exposed && service.template !== "web" && service.template !== "api") {
          problems.push(error(department.file, at("exposure"), `${named} cannot be exposed to the ${service.exposure}; only web and api services are published through the gateway`));
        }
        if (service.exposure === "internet" && env.level === 4) {
          problems.push(error(department.file, at("exposure"), `${named} runs at level 4, which is never exposed to the internet; use extranet or internal`));
        }
        if (!exposed) {
          for (const field of ["host", "tlsSecret"] as const) {
            if (service[field] !== undefined) problems.push(error(department.file, at(field), `${named} has "${field}" but no internet or extranet exposure`));
          }
        }
        if (service.template === "postgres" && env.level >= 3 && !service.backup && !service.retired) {
          problems.push(error(department.file, at("template"), `${named} runs at level ${env.level}, which requires a scheduled backup: add backup: { schedule, target }`));
        }
      }),
    );
  }
  return problems;
};
