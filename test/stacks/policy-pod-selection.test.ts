import { readArtifact } from "../../audit/export";
import { LabelSelector, parseLabelSelector, readLabels } from "../../audit/connectivity/label-selector";
import { synthesizeExample } from "./example-artifact";

/**
 * Over the whole bundled example, read back from the artifact: every NetworkPolicy that names a
 * service (`govcloud/service`), in what it selects and in each pod peer, selects exactly that
 * service's own workload, never one of its helpers (the postgres backup CronJob shares the
 * service's label); only the backup flows select the backup job, and only on the job's side.
 */
const example = synthesizeExample();
const stacks = readArtifact(example.outdir);

interface Workload {
  readonly cluster: string;
  readonly namespace: string;
  readonly id: string;
  readonly podLabels: Record<string, string>;
}

const POD_LABELS: Record<string, string[]> = {
  Deployment: ["spec", "template", "metadata", "labels"],
  StatefulSet: ["spec", "template", "metadata", "labels"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "metadata", "labels"],
};

const dig = (value: any, path: string[]) => path.reduce((v, key) => (v === undefined || v === null ? undefined : v[key]), value);

const workloads: Workload[] = stacks.flatMap((s) =>
  s.resources
    .filter((r) => POD_LABELS[r.object.kind] !== undefined)
    .map((r) => ({
      cluster: r.cluster,
      namespace: r.object.metadata.namespace!,
      id: `${r.object.kind}/${r.object.metadata.name}`,
      podLabels: readLabels(dig(r.object, POD_LABELS[r.object.kind])),
    })),
);
const policies = stacks.flatMap((s) => s.resources.filter((r) => r.object.kind === "NetworkPolicy"));

const selector = (raw: unknown): LabelSelector =>
  parseLabelSelector(raw, [], (path, message) => {
    throw new Error(`${path.join(".")}: ${message}`);
  });

/** Which workloads of the namespace a selector naming a service should select. */
function expectedWorkloads(service: string, helperSide: boolean, namespace: string, cluster: string): string[] {
  const names = helperSide ? [`CronJob/${service}-backup`] : [`Deployment/${service}`, `StatefulSet/${service}`, `CronJob/${service}`];
  return workloads.filter((w) => w.cluster === cluster && w.namespace === namespace && names.includes(w.id)).map((w) => w.id);
}

function selectedWorkloads(raw: any, namespace: string, cluster: string): string[] {
  const s = selector(raw);
  return workloads.filter((w) => w.cluster === cluster && w.namespace === namespace && s.matches(w.podLabels)).map((w) => w.id).sort();
}

/** The flows whose policy selects the backup job on its egress side (and admits it on the store's ingress side). */
// (A cron service is itself a CronJob named after the service; a backup job is `<service>-backup`.)
const BACKUP_FLOWS = new Set(["backup-read", "backup-egress"]);

interface Selection {
  readonly policy: string;
  readonly where: string;
  readonly selected: string[];
}

function selections(): { checked: Selection[]; expected: Selection[] } {
  const checked: Selection[] = [];
  const expected: Selection[] = [];
  for (const p of policies) {
    const { namespace, name, labels } = p.object.metadata;
    const spec = p.object.spec as any;
    const flow = labels?.["govcloud/flow"] ?? "";
    const egress = spec.policyTypes?.includes("Egress") === true && spec.policyTypes.length === 1;
    const id = `${p.cluster} ${namespace}/${name}`;
    const consider = (raw: any, peerNamespace: string, where: string, helperSide: boolean) => {
      const service = raw?.matchLabels?.["govcloud/service"];
      if (service === undefined) return;
      checked.push({ policy: id, where, selected: selectedWorkloads(raw, peerNamespace, p.cluster) });
      expected.push({ policy: id, where, selected: expectedWorkloads(service, helperSide, peerNamespace, p.cluster).sort() });
    };
    // The policy's own pods: the `from` side of an egress policy, the `to` side of an ingress one.
    consider(spec.podSelector, namespace!, "podSelector", BACKUP_FLOWS.has(flow) && egress);
    const rules: any[] = (egress ? spec.egress : spec.ingress) ?? [];
    rules.forEach((rule, ri) =>
      ((egress ? rule.to : rule.from) ?? []).forEach((peer: any, pi: number) => {
        if (peer.podSelector === undefined || peer.ipBlock !== undefined) return;
        const peerNamespace = peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] ?? (peer.namespaceSelector === undefined ? namespace : undefined);
        if (peerNamespace === undefined) return;
        consider(peer.podSelector, peerNamespace, `${egress ? "egress" : "ingress"}[${ri}].${egress ? "to" : "from"}[${pi}].podSelector`, flow === "backup-read" && !egress);
      }),
    );
  }
  return { checked, expected };
}

describe("policy pod selection over the bundled example", () => {
  const { checked, expected } = selections();

  it("checks the service-level policies of the whole example, backup flows included", () => {
    expect(checked.length).toBeGreaterThan(300);
    expect(checked.filter((c) => c.selected.some((w) => w.startsWith("CronJob/") && w.endsWith("-backup"))).length).toBeGreaterThan(0);
  });

  it("selects exactly the declared service's own workload in every policy and every pod peer", () => {
    expect(checked).toEqual(expected);
  });

  it("selects no backup job outside the backup flows", () => {
    const backupJobs = checked.filter((c) => c.selected.some((w) => w.endsWith("-backup")));
    const flows = new Set(backupJobs.map((c) => policies.find((p) => `${p.cluster} ${p.object.metadata.namespace}/${p.object.metadata.name}` === c.policy)!.object.metadata.labels!["govcloud/flow"]));
    expect([...flows].sort()).toEqual(["backup-egress", "backup-read"]);
  });
});
