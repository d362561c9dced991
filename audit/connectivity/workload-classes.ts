import { Labels } from "./label-selector";
import { ContainerPort, Workload, labelKey } from "./workload-peers";

/**
 * Workloads that no policy can tell apart: same namespace, same labels, same named container
 * ports (the only other thing a policy looks at). Connectivity is computed once per class.
 */
export interface WorkloadClass {
  readonly index: number;
  readonly namespace: string;
  readonly labels: Labels;
  readonly containerPorts: readonly ContainerPort[];
  readonly workloads: readonly Workload[];
}

export function groupWorkloadClasses(workloads: readonly Workload[]): WorkloadClass[] {
  const byKey = new Map<string, { namespace: string; labels: Labels; containerPorts: readonly ContainerPort[]; workloads: Workload[] }>();
  for (const workload of workloads) {
    const namedPorts = workload.containerPorts
      .filter((p) => p.name !== undefined)
      .map((p) => `${p.name}/${p.protocol}/${p.port}`)
      .sort();
    const key = JSON.stringify([workload.namespace, labelKey(workload.labels), namedPorts]);
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, { namespace: workload.namespace, labels: workload.labels, containerPorts: workload.containerPorts, workloads: [workload] });
    else group.workloads.push(workload);
  }
  return [...byKey.values()].map((group, index) => ({ index, ...group }));
}
