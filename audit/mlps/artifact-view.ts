import type { Level } from "../../config/schema/common";
import type { ArtifactResource, ArtifactStack } from "../export/read-artifact";
import { podTemplates, type PodTemplate } from "../tenancy/pod-templates";

/**
 * The artifact as the MLPS rules read it: tenant namespaces with their level and target
 * (`department/environment`), the workloads in them (`department/environment/service`), and the
 * NetworkPolicies of each namespace. Everything here comes from the converted artifact.
 */
export interface NamespaceView {
  readonly cluster: string;
  readonly namespace: string;
  readonly target: string;
  readonly level: Level;
  readonly resource: ArtifactResource;
  readonly labels: Readonly<Record<string, string>>;
  readonly policies: readonly ArtifactResource[];
}

export interface WorkloadView {
  readonly target: string;
  readonly namespace: NamespaceView;
  readonly template: PodTemplate;
  readonly service: string;
  readonly component: string;
}

export interface ArtifactView {
  readonly namespaces: readonly NamespaceView[];
  readonly workloads: readonly WorkloadView[];
  readonly resources: readonly ArtifactResource[];
}

// Every rule asks for the view; it is built once per artifact.
const views = new WeakMap<readonly ArtifactStack[], ArtifactView>();

export function viewArtifact(stacks: readonly ArtifactStack[]): ArtifactView {
  let view = views.get(stacks);
  if (!view) {
    view = buildView(stacks);
    views.set(stacks, view);
  }
  return view;
}

function buildView(stacks: readonly ArtifactStack[]): ArtifactView {
  const resources = stacks.flatMap((s) => s.resources);
  // Policies by cluster and namespace, found in one pass (a filter per namespace is quadratic at province scale).
  const policiesIn = new Map<string, ArtifactResource[]>();
  for (const p of resources) {
    if (p.object.kind !== "NetworkPolicy" || p.object.metadata.namespace === undefined) continue;
    const key = `${p.cluster}\u0000${p.object.metadata.namespace}`;
    const list = policiesIn.get(key);
    if (list) list.push(p);
    else policiesIn.set(key, [p]);
  }
  const namespaces: NamespaceView[] = resources
    .filter((r) => r.object.kind === "Namespace" && r.object.metadata.labels?.["govcloud/tenant"] === "true")
    .map((r) => {
      const labels = r.object.metadata.labels ?? {};
      const name = r.object.metadata.name!;
      return {
        cluster: r.cluster,
        namespace: name,
        target: `${labels["govcloud/department"]}/${labels["govcloud/environment"]}`,
        level: Number(labels["govcloud/level"]) as Level,
        resource: r,
        labels,
        policies: policiesIn.get(`${r.cluster}\u0000${name}`) ?? [],
      };
    });
  const byKey = new Map(namespaces.map((n) => [`${n.cluster}/${n.namespace}`, n]));
  const workloads = podTemplates(stacks).flatMap((template) => {
    const namespace = byKey.get(`${template.resource.cluster}/${template.namespace}`);
    const labels = template.resource.object.metadata.labels ?? {};
    const service = labels["govcloud/service"];
    if (!namespace || !service) return [];
    return [{ target: `${namespace.target}/${service}`, namespace, template, service, component: labels["app.kubernetes.io/component"] ?? "" }];
  });
  return { namespaces, workloads, resources };
}

export function ref(resource: ArtifactResource): string {
  return `${resource.stack}: ${resource.address}`;
}

export function flowOf(policy: ArtifactResource): string | undefined {
  return policy.object.metadata.labels?.["govcloud/flow"];
}
