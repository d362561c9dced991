import { Testing } from "cdktf";
import type { Construct } from "constructs";
import type { ProtectionLevel } from "../../../constructs/labels";
import type { WorkloadTemplateProps } from "../../../constructs/templates/workload-props";
import { testProvider } from "../test-provider";

export const DIGEST = "@sha256:" + "a".repeat(64);

/** Props of a service of the health department's prod environment, at a level, with a digest-pinned image. */
export function workloadProps(scope: Construct, level: ProtectionLevel, service = "portal"): WorkloadTemplateProps {
  return {
    department: "health",
    environment: "prod",
    service,
    namespace: "health-prod",
    level,
    dataClass: "personal",
    image: `registry.gov.example/health/${service}${DIGEST}`,
    resources: { cpu: "500m", memory: "512Mi" },
    metricsPort: 9090,
    priorityClassName: `govcloud-level-${level}`,
    provider: testProvider(scope),
  };
}

/** Synthesizes what `build` adds to a fresh scope, as parsed Terraform JSON text. */
export function synth(build: (scope: Construct) => void): string {
  return Testing.synthScope(build);
}

/** Every resource of the synthesized scope, with its type, by construct address. */
export function allResources(synthesized: string): Array<{ type: string; name: string; body: Record<string, any> }> {
  const document = JSON.parse(synthesized) as { resource?: Record<string, Record<string, Record<string, any>>> };
  return Object.entries(document.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, body]) => ({ type, name, body })),
  );
}

/** The pod-level security context every template sets, for a user id. */
export function podSecurityContext(uid: number) {
  const id = String(uid);
  return { run_as_non_root: true, run_as_user: id, run_as_group: id, fs_group: id, seccomp_profile: { type: "RuntimeDefault" } };
}

/** The container-level security context every container gets. */
export const CONTAINER_SECURITY_CONTEXT = {
  allow_privilege_escalation: false,
  privileged: false,
  read_only_root_filesystem: true,
  capabilities: { drop: ["ALL"] },
};

/** The labels of a workload of the health department's prod environment. */
export function expectedLabels(level: number, service: string, component: string, name = service): Record<string, string> {
  return {
    "app.kubernetes.io/name": name,
    "app.kubernetes.io/instance": `health-prod-${name}`,
    "app.kubernetes.io/component": component,
    "app.kubernetes.io/managed-by": "govcloud",
    "app.kubernetes.io/part-of": "govcloud",
    "govcloud/department": "health",
    "govcloud/environment": "prod",
    "govcloud/level": String(level),
    "govcloud/zone": `level-${level}`,
    "govcloud/data-class": "personal",
    "govcloud/service": service,
  };
}

/** The labels of a store's data claims: only those that never change (no level, zone, data class or component). */
export function expectedClaimLabels(service: string): Record<string, string> {
  return {
    "app.kubernetes.io/name": service,
    "app.kubernetes.io/instance": `health-prod-${service}`,
    "app.kubernetes.io/managed-by": "govcloud",
    "app.kubernetes.io/part-of": "govcloud",
    "govcloud/department": "health",
    "govcloud/environment": "prod",
    "govcloud/service": service,
  };
}

/** The pod spec of a Deployment, StatefulSet or CronJob, as synthesized. */
export function podSpecOf(resource: Record<string, any>): Record<string, any> {
  return resource.spec.job_template ? resource.spec.job_template.spec.template.spec : resource.spec.template.spec;
}

/** Every environment variable of every container of every resource, with where it is. */
export function allEnv(synthesized: string): Array<{ where: string; name: string; value?: string; value_from?: unknown }> {
  return allResources(synthesized).flatMap(({ type, name, body }) => {
    if (!body.spec || !/deployment|stateful_set|cron_job/.test(type)) return [];
    return (podSpecOf(body).container as Array<Record<string, any>>).flatMap((container) =>
      (container.env ?? []).map((env: Record<string, any>) => ({ where: `${type}.${name}/${container.name}`, ...env })),
    );
  });
}
