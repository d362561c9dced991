import { createHash } from "node:crypto";
import { networkFlows } from "../../config/model/network-flows";
import type { PlatformModel } from "../../config/model/platform-model";
import { analyzeSourcedObjects } from "../connectivity/analyze-manifests";
import { peerName, type Connection, type ConnectivityPeer, type ExternalPeer } from "../connectivity/connectivity-result";
import { formatIpRange } from "../connectivity/ip-range";
import { subtractIntervals, unionIntervals, type IntervalList } from "../connectivity/interval-list";
import { PortSet } from "../connectivity/port-set";
import type { ArtifactResource, ArtifactStack } from "../export/read-artifact";
import { clusterFlowInputs, clusterFlows, type ClusterFlowInputs, type ProvedFlow } from "./cluster-flow-inputs";
import { connectivityDigests, connectivityResources } from "./connectivity-resources";
import { intendedConnections, type IntendedConnection } from "./intended-connections";
import { PeerCandidates } from "./peer-candidates";
import { groupBy } from "../group-by";
import { peerPod } from "./platform-peers";
import { policiesAllowing } from "./policy-attribution";
import { buildZoneMatrix, type ZoneMatrix } from "./zone-matrix";

/** One way the artifact's connectivity differs from the declaration. */
export interface FlowDifference {
  readonly cluster: string;
  /** `unintended`: the policies allow it and nothing declares it; `missing`: declared, not allowed. */
  readonly kind: "unintended" | "missing";
  readonly src: string;
  readonly dst: string;
  readonly ports: string;
  /** Which policies allowed it, or which declared flow is not effective. */
  readonly detail: string;
}

export interface ClusterFlowReport {
  readonly cluster: string;
  readonly workloads: number;
  readonly effectiveConnections: number;
  readonly intendedFlows: number;
  readonly differences: readonly FlowDifference[];
  readonly matrix: ZoneMatrix;
}

/** Key of the intended connections whose end is not pods of one namespace (addresses, every tenant). */
const ANY_NAMESPACE = "*";
const endsKey = (from: string, to: string) => `${from} ${to}`;
/** The keys of the intended connections an end of a connection can match: its namespace's (a workload's) and any. */
const namespaceKeys = (peer: ConnectivityPeer): readonly string[] => (peer.type === "workload" ? [peer.namespace, ANY_NAMESPACE] : [ANY_NAMESPACE]);

export interface VerifyOptions {
  /**
   * The stacks are part of the artifact (a department-only synthesis checks what it changed):
   * declared flows that end in a namespace absent from them cannot be checked and are left out.
   * A full audit leaves this off, so a missing namespace is a missing flow. @default false
   */
  readonly partial?: boolean;
  /**
   * Cluster reports kept from earlier runs, by a digest of exactly what each was computed from
   * (the cluster's connectivity fields and the declaration's `ClusterFlowInputs`): a cluster
   * whose digest matches is not proved again, and each one proved is kept.
   * @default - every cluster is proved
   */
  readonly kept?: KeptClusterReports;
  /** The `connectivityDigests` of a stack, when known already (kept with its conversion). @default - made from the stack */
  readonly digestsOf?: (stack: string) => Readonly<Record<string, string>> | undefined;
}

/** Where cluster reports are kept (a `DerivedStackStore`, by cluster name). */
export interface KeptClusterReports {
  read(cluster: string, digest: string): KeptClusterReport | undefined;
  write(cluster: string, digest: string, kept: KeptClusterReport): void;
}

/** A cluster's report as kept: with the purposes of the flows it names, which it holds while they are unchanged. */
export interface KeptClusterReport {
  readonly report: ClusterFlowReport;
  /** By the flow's place in `ClusterFlowInputs.flows`. */
  readonly purposes: Readonly<Record<number, string>>;
}

export interface FlowReport {
  readonly clusters: readonly ClusterFlowReport[];
  readonly passed: boolean;
}

/**
 * The connectivity proof: per cluster, every connection the artifact's NetworkPolicies allow
 * (computed by the independent analyzer, with the platform components as declared peers) is
 * compared with the connections the declaration intends. Every effective connection must be
 * intended and every intended one effective, on the same ports.
 */
export function verifyFlows(stacks: readonly ArtifactStack[], model: PlatformModel, options: VerifyOptions = {}): FlowReport {
  const flows = networkFlows(model);
  const { kept } = options;
  // Each stack's fields are cut out once, when a cluster is proved, and its digests made once, when one is recalled.
  const resourcesOf = memoized((stack: ArtifactStack) => connectivityResources(stack));
  const digestsOf = memoized((stack: ArtifactStack) => options.digestsOf?.(stack.name) ?? connectivityDigests(stack));
  const clusters = model.clusters.map((cluster) => {
    const inputs = clusterFlowInputs(model, flows, cluster.name, options.partial === true);
    const purposes = clusterFlows(flows, cluster.name).map((flow) => flow.purpose);
    // The purposes the proof read, by flow: only a missing connection is described by its flow's.
    const read: Record<number, string> = {};
    const purposeOf = (flow: number) => (read[flow] = purposes[flow]);
    const prove = () => verifyCluster(stacks.flatMap((stack) => resourcesOf(stack).get(cluster.name) ?? []), inputs, purposeOf);
    if (kept === undefined) return prove();
    const digest = proofDigest(inputs, stacks.map((stack) => [stack.name, digestsOf(stack)[cluster.name]]));
    const recalled = kept.read(cluster.name, digest);
    if (recalled !== undefined && Object.entries(recalled.purposes).every(([flow, purpose]) => purposes[Number(flow)] === purpose)) return recalled.report;
    const report = prove();
    kept.write(cluster.name, digest, { report, purposes: read });
    return report;
  });
  return { clusters, passed: clusters.every((c) => c.differences.length === 0) };
}

/** The digest a cluster's proof is kept by: what it reads of the declaration, and each stack's connectivity digest on the cluster (none: no resources there). */
function proofDigest(inputs: ClusterFlowInputs, stacks: ReadonlyArray<readonly [name: string, digest: string | undefined]>): string {
  const hash = createHash("sha256").update(JSON.stringify(inputs)).update("\n");
  for (const [name, digest] of stacks) if (digest !== undefined) hash.update(`${name} ${digest}\n`);
  return hash.digest("hex");
}

function memoized<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}

/** The proof of one cluster, from its connectivity resources and what it reads of the declaration. */
function verifyCluster(resources: readonly ArtifactResource[], inputs: ClusterFlowInputs, purposeOf: (flow: number) => string): ClusterFlowReport {
  const { cluster, gatewayNamespace, managementNamespace, dnsNamespace } = inputs;
  const result = analyzeSourcedObjects([
    ...resources.map((r) => ({ object: r.object, source: `stack ${r.stack}, ${r.address}` })),
    ...inputs.peers.map((peer) => ({ object: peerPod(peer), source: `platform component ${peer.role}` })),
  ]);

  const present = new Set(resources.filter((r) => r.object.kind === "Namespace").map((r) => r.object.metadata.name!));
  const checkable = (endpoint: ClusterFlowInputs["flows"][number]["from"]) =>
    endpoint.kind !== "pods" || present.has(endpoint.namespace) || [gatewayNamespace, managementNamespace, dnsNamespace].includes(endpoint.namespace);
  const flows = inputs.partial ? inputs.flows.filter((f) => checkable(f.from) && checkable(f.to)) : inputs.flows;
  const tenantNamespaces = new Set(inputs.tenantNamespaces);
  const managed = new Set([...tenantNamespaces, gatewayNamespace, managementNamespace]);
  const isManaged = (peer: ConnectivityPeer) => peer.type === "workload" && managed.has(peer.namespace);
  const intended = intendedConnections(flows, cluster, tenantNamespaces);
  const policies = resources.filter((r) => r.object.kind === "NetworkPolicy");
  const namespaceLabels = new Map(
    resources.filter((r) => r.object.kind === "Namespace").map((r) => [r.object.metadata.name!, { ...r.object.metadata.labels, "kubernetes.io/metadata.name": r.object.metadata.name! }]),
  );
  const differences: FlowDifference[] = [];

  // Connections are matched against the intended ones whose ends can match theirs only (same
  // namespace, or any): at province scale, trying every intended connection for every effective
  // one was most of the gate, and every connection against each flow from outside still was.
  const byEnds = groupBy(intended, (i) => endsKey(i.from.namespace ?? ANY_NAMESPACE, i.to.namespace ?? ANY_NAMESPACE));
  const workloads = new PeerCandidates(result.workloads);
  const externalEnds = externalConnections(result.connections);

  // Every effective connection must be intended, on the same ports.
  const effective = new Map<string, PortSet>();
  for (const { src, dst, conn } of result.connections) {
    effective.set(`${peerName(src)} ${peerName(dst)}`, conn);
    if (!isManaged(src) && !isManaged(dst)) continue; // neither end is the platform's to govern
    let allowed = PortSet.NONE;
    for (const from of namespaceKeys(src)) {
      for (const to of namespaceKeys(dst)) {
        for (const i of byEnds.get(endsKey(from, to)) ?? []) if (i.from.matches(src) && i.to.matches(dst)) allowed = allowed.union(i.ports);
      }
    }
    const extra = conn.minus(allowed);
    if (!extra.isEmpty()) {
      const responsible = policiesAllowing(policies, namespaceLabels, src, dst, extra);
      const detail = responsible.length > 0 ? `allowed by ${responsible.join(", ")}` : "allowed because no policy selects one of its ends";
      differences.push({ cluster, kind: "unintended", src: peerName(src), dst: peerName(dst), ports: extra.toString(), detail });
    }
  }

  // Every intended connection must be effective.
  const flowIndex = new Map<ProvedFlow, number>(inputs.flows.map((flow, index) => [flow, index]));
  // Read only for a missing connection: a proof with none does not depend on any purpose.
  const describe = (flow: ProvedFlow) => `${flow.kind} flow "${purposeOf(flowIndex.get(flow)!)}"`;
  for (const connection of intended) differences.push(...missingConnections(cluster, connection, describe, workloads, externalEnds, effective));

  return {
    cluster,
    workloads: result.workloads.length,
    effectiveConnections: result.connections.length,
    intendedFlows: intended.length,
    differences: differences.sort((a, b) => (`${a.kind} ${a.src} ${a.dst}` < `${b.kind} ${b.src} ${b.dst}` ? -1 : 1)),
    matrix: buildZoneMatrix(inputs, resources, result.connections, intended, result.workloads),
  };
}

function missingConnections(
  cluster: string,
  intended: IntendedConnection,
  describe: (flow: ProvedFlow) => string,
  workloads: PeerCandidates,
  externalEnds: ExternalConnections,
  effective: ReadonlyMap<string, PortSet>,
): FlowDifference[] {
  const flow = () => describe(intended.flow);
  const missing = (src: string, dst: string, ports: PortSet, detail = `declared by the ${flow()}, not allowed by the policies`): FlowDifference =>
    ({ cluster, kind: "missing", src, dst, ports: ports.toString(), detail });
  const sources = workloads.matching(intended.from);
  const targets = workloads.matching(intended.to);

  if (intended.to.addresses || intended.from.addresses) {
    // One end is outside the cluster: the ranges the analyzer reports must cover the declared ones.
    const outward = intended.to.addresses !== undefined;
    const inside = outward ? sources : targets;
    const declared = (outward ? intended.to.addresses : intended.from.addresses)!;
    if (inside.length === 0) return [missing(intended.from.describe, intended.to.describe, intended.ports, `no workload matches the ${flow()}`)];
    return inside.flatMap((workload) => {
      let covered: IntervalList = [];
      for (const c of (outward ? externalEnds.outward : externalEnds.inward).get(workload) ?? []) {
        const other = (outward ? c.dst : c.src) as ExternalPeer;
        if (!(outward ? intended.to : intended.from).matches(other)) continue;
        if (intended.ports.minus(c.conn).isEmpty()) covered = unionIntervals(covered, [other.range]);
      }
      return subtractIntervals(declared, covered).map((range) => {
        const external = `${formatIpRange(range)}[External]`;
        return outward ? missing(peerName(workload), external, intended.ports) : missing(external, peerName(workload), intended.ports);
      });
    });
  }
  if (sources.length === 0 || targets.length === 0) {
    return [missing(intended.from.describe, intended.to.describe, intended.ports, `no workload matches the ${sources.length === 0 ? "source" : "destination"} of the ${flow()}`)];
  }
  const found: FlowDifference[] = [];
  for (const src of sources) {
    for (const dst of targets) {
      if (src === dst) continue; // a workload reaching itself is not a flow the analyzer reports
      const lacking = intended.ports.minus(effective.get(`${peerName(src)} ${peerName(dst)}`) ?? PortSet.NONE);
      if (!lacking.isEmpty()) found.push(missing(peerName(src), peerName(dst), lacking));
    }
  }
  return found;
}

/** A cluster's connections between a workload and an external range, by workload: what an addresses flow is checked against. */
interface ExternalConnections {
  /** Per workload, its connections to external ranges. */
  readonly outward: ReadonlyMap<ConnectivityPeer, readonly Connection[]>;
  /** Per workload, the connections external ranges may open to it. */
  readonly inward: ReadonlyMap<ConnectivityPeer, readonly Connection[]>;
}

function externalConnections(connections: readonly Connection[]): ExternalConnections {
  return {
    outward: groupBy(connections.filter((c) => c.dst.type === "external"), (c) => c.src),
    inward: groupBy(connections.filter((c) => c.src.type === "external"), (c) => c.dst),
  };
}
