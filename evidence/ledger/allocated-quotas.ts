import type { ArtifactResource, ArtifactStack } from "../../audit/export";
import { Bytes, Cpu } from "../../config/model/quantity";
import { LABEL } from "../../constructs/labels";
import type { ResourceAmounts } from "./resource-amounts";

/** One ResourceQuota of the artifact: the quota as Terraform applies it. */
export interface AllocatedQuota {
  readonly stack: string;
  readonly address: string;
  readonly cluster: string;
  readonly namespace: string;
  /** The namespace's `govcloud/department` label, else the stack's department (`dept-<name>`), else the stack. */
  readonly department: string;
  /** The namespace's `govcloud/environment` label, else the namespace name. */
  readonly environment: string;
  readonly amounts: ResourceAmounts;
}

const DEPARTMENT_STACK = /^dept-(.+)$/;

/**
 * Every ResourceQuota of the artifact with its `requests.cpu`, `requests.memory` and
 * `requests.storage`. A quota that leaves one of them out allocates none of it. A value that is
 * not a Kubernetes quantity throws, naming stack, address and field: a ledger built on a
 * misread number would be worse than none.
 */
export function allocatedQuotas(stacks: readonly ArtifactStack[]): AllocatedQuota[] {
  const quotas: AllocatedQuota[] = [];
  for (const stack of stacks) {
    const namespaces = new Map(
      stack.resources
        .filter((r) => r.object.kind === "Namespace")
        .map((r) => [`${r.cluster}\u0000${r.object.metadata.name}`, r.object.metadata.labels ?? {}]),
    );
    for (const resource of stack.resources.filter((r) => r.object.kind === "ResourceQuota")) {
      const namespace = resource.object.metadata.namespace ?? "default";
      const labels = namespaces.get(`${resource.cluster}\u0000${namespace}`) ?? {};
      quotas.push({
        stack: stack.name,
        address: resource.address,
        cluster: resource.cluster,
        namespace,
        department: labels[LABEL.department] ?? DEPARTMENT_STACK.exec(stack.name)?.[1] ?? stack.name,
        environment: labels[LABEL.environment] ?? namespace,
        amounts: quotaAmounts(resource),
      });
    }
  }
  return quotas;
}

function quotaAmounts(resource: ArtifactResource): ResourceAmounts {
  const spec = resource.object.spec as { hard?: Record<string, unknown> } | undefined;
  const hard = spec?.hard ?? {};
  const read = (field: string, parse: (text: string) => number): number => {
    const value = hard[field];
    if (value === undefined) return 0;
    const parsed = typeof value === "string" || typeof value === "number" ? parse(String(value)) : NaN;
    if (!Number.isFinite(parsed)) {
      throw new Error(`${resource.stack}: ${resource.address}: spec.hard["${field}"]: not a quantity the ledger can read, got ${JSON.stringify(value)}`);
    }
    return parsed;
  };
  return {
    cpuMillis: read("requests.cpu", (text) => Cpu.parse(text).millis),
    memoryBytes: read("requests.memory", (text) => Bytes.parse(text).bytes),
    storageBytes: read("requests.storage", (text) => Bytes.parse(text).bytes),
  };
}
