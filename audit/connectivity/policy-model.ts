import { ManifestProblem } from "./connectivity-input-error";
import { IntervalList, normalizeIntervals, subtractIntervals } from "./interval-list";
import { ParsedCidr, ipBlockRanges, parseCidr } from "./ip-range";
import { LabelSelector, parseLabelSelector } from "./label-selector";
import { FieldPath, ManifestObject, ObjectProblems, fieldAt, fieldProblem, formatFieldPath, isRecord, nameOf, namespaceOf, placeOf } from "./manifest-object";
import { MAX_PORT, MIN_PORT, PROTOCOLS, PortSet, Protocol } from "./port-set";
import { ContainerPort } from "./workload-peers";

/** A port given by name in a policy; it means whatever the destination pod calls that name. */
export interface NamedPortRef {
  readonly name: string;
  readonly protocol: Protocol;
}

/** The ports of one rule: numeric ones known up front, named ones resolved per destination. */
export interface RulePorts {
  readonly numeric: PortSet;
  readonly named: readonly NamedPortRef[];
}

/**
 * One `from`/`to` entry. A pods peer without a namespaceSelector means the policy's own namespace;
 * without a podSelector, every pod of the matched namespaces.
 */
export type RulePeer =
  | { readonly type: "pods"; readonly namespaceSelector?: LabelSelector; readonly podSelector?: LabelSelector }
  | { readonly type: "ipBlock"; readonly ranges: IntervalList };

export interface PolicyRule {
  /** Undefined when the rule has no `from`/`to`: it then allows every peer, external ones included. */
  readonly peers?: readonly RulePeer[];
  readonly ports: RulePorts;
}

export interface NetworkPolicyModel {
  readonly namespace: string;
  readonly name: string;
  readonly manifest: ManifestObject;
  readonly podSelector: LabelSelector;
  readonly affectsIngress: boolean;
  readonly affectsEgress: boolean;
  readonly ingress: readonly PolicyRule[];
  readonly egress: readonly PolicyRule[];
}

type Direction = "ingress" | "egress";
const PEERS_FIELD: Readonly<Record<Direction, string>> = { ingress: "from", egress: "to" };

/**
 * Reads and validates every NetworkPolicy. A policy with any problem is left out and its problems
 * are added to `problems`; two policies with the same namespace/name are reported.
 */
export function collectNetworkPolicies(manifests: readonly ManifestObject[], problems: ManifestProblem[]): NetworkPolicyModel[] {
  const policies: NetworkPolicyModel[] = [];
  const seen = new Map<string, ManifestObject>();
  for (const manifest of manifests) {
    if (manifest.kind !== "NetworkPolicy") continue;
    const name = nameOf(manifest);
    const identity = `${namespaceOf(manifest)}/${name}`;
    const first = name === undefined ? undefined : seen.get(identity);
    if (first !== undefined) {
      problems.push(fieldProblem(manifest, ["metadata", "name"], `NetworkPolicy ${identity} is also defined at ${placeOf(first, manifest)}; names must be unique in a namespace`));
      continue;
    }
    seen.set(identity, manifest);
    const before = problems.length;
    const policy = parseNetworkPolicy(manifest, new ObjectProblems(manifest, problems));
    if (problems.length === before) policies.push(policy);
  }
  return policies;
}

/** Reads one NetworkPolicy, reporting each malformed field; the result is only sound without problems. */
export function parseNetworkPolicy(manifest: ManifestObject, problems: ObjectProblems): NetworkPolicyModel {
  const report = (path: FieldPath, message: string) => problems.add(path, message);
  const name = nameOf(manifest);
  if (name === undefined) report(["metadata", "name"], "is required");
  const spec = fieldAt(manifest.object, ["spec"]);
  if (!isRecord(spec)) report(["spec"], "is required and must be an object");
  const podSelector = parseLabelSelector(fieldAt(spec, ["podSelector"]), ["spec", "podSelector"], report);
  const ingress = parseRules(fieldAt(spec, ["ingress"]), "ingress", problems);
  const egress = parseRules(fieldAt(spec, ["egress"]), "egress", problems);
  const types = parsePolicyTypes(fieldAt(spec, ["policyTypes"]), egress.length > 0, problems);
  return {
    namespace: namespaceOf(manifest),
    name: name ?? "",
    manifest,
    podSelector,
    affectsIngress: types.ingress,
    affectsEgress: types.egress,
    ingress,
    egress,
  };
}

/** Omitted policyTypes mean Ingress, plus Egress when the policy has egress rules (Kubernetes' default). */
function parsePolicyTypes(raw: unknown, hasEgressRules: boolean, problems: ObjectProblems): { ingress: boolean; egress: boolean } {
  if (raw === undefined || raw === null) return { ingress: true, egress: hasEgressRules };
  if (!Array.isArray(raw)) {
    problems.add(["spec", "policyTypes"], "must be a list of Ingress and/or Egress");
    return { ingress: true, egress: hasEgressRules };
  }
  raw.forEach((type: unknown, index) => {
    if (type !== "Ingress" && type !== "Egress") {
      problems.add(["spec", "policyTypes", index], `must be Ingress or Egress, got '${String(type)}'`);
    }
  });
  return { ingress: raw.includes("Ingress"), egress: raw.includes("Egress") };
}

function parseRules(raw: unknown, direction: Direction, problems: ObjectProblems): PolicyRule[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.add(["spec", direction], "must be a list of rules");
    return [];
  }
  const rules: PolicyRule[] = [];
  raw.forEach((rule: unknown, index) => {
    const at: FieldPath = ["spec", direction, index];
    if (!isRecord(rule)) {
      problems.add(at, "must be an object with ports and/or " + PEERS_FIELD[direction]);
      return;
    }
    const peersPath = [...at, PEERS_FIELD[direction]];
    const peers = parsePeers(rule[PEERS_FIELD[direction]], peersPath, problems);
    const ports = parsePorts(rule.ports, [...at, "ports"], problems);
    // Named ports resolve against pods' containerPorts; an address range has none.
    const ipBlockIndex = peers?.findIndex((peer) => peer.type === "ipBlock") ?? -1;
    if (ipBlockIndex >= 0) {
      for (const { name, path } of ports.namedAt) {
        problems.add(path, `named port '${name}' cannot be used in a rule whose peers include an ipBlock (${formatFieldPath([...peersPath, ipBlockIndex])}); named ports resolve only against pods`);
      }
    }
    rules.push({ peers, ports: ports.ports });
  });
  return rules;
}

function parsePeers(raw: unknown, at: FieldPath, problems: ObjectProblems): RulePeer[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) {
    problems.add(at, "must be a list of peers");
    return undefined;
  }
  // An empty list means the same as no list: every peer.
  if (raw.length === 0) return undefined;
  const peers: RulePeer[] = [];
  raw.forEach((peer: unknown, index) => {
    const parsed = parsePeer(peer, [...at, index], problems);
    if (parsed !== undefined) peers.push(parsed);
  });
  return peers;
}

function parsePeer(raw: unknown, at: FieldPath, problems: ObjectProblems): RulePeer | undefined {
  const report = (path: FieldPath, message: string) => problems.add(path, message);
  if (!isRecord(raw)) {
    problems.add(at, "must be an object with podSelector, namespaceSelector or ipBlock");
    return undefined;
  }
  const present = (key: string) => raw[key] !== undefined && raw[key] !== null;
  const selectors = ["podSelector", "namespaceSelector"].filter(present);
  if (present("ipBlock")) {
    if (selectors.length > 0) {
      problems.add(at, `sets both ipBlock and ${selectors.join(" and ")}; a peer is either an ipBlock or pod/namespace selectors`);
      return undefined;
    }
    return parseIpBlock(raw.ipBlock, [...at, "ipBlock"], problems);
  }
  if (selectors.length === 0) {
    problems.add(at, "is empty; a peer must set podSelector, namespaceSelector or ipBlock");
    return undefined;
  }
  return {
    type: "pods",
    podSelector: present("podSelector") ? parseLabelSelector(raw.podSelector, [...at, "podSelector"], report) : undefined,
    namespaceSelector: present("namespaceSelector") ? parseLabelSelector(raw.namespaceSelector, [...at, "namespaceSelector"], report) : undefined,
  };
}

const CIDR_HINT = "expected an address and a prefix length, such as 10.0.0.0/8";

function parseIpBlock(raw: unknown, at: FieldPath, problems: ObjectProblems): RulePeer | undefined {
  if (!isRecord(raw)) {
    problems.add(at, "must be an object with cidr and optional except");
    return undefined;
  }
  const cidr = readCidr(raw.cidr, [...at, "cidr"], problems);
  const exceptRaw = raw.except ?? [];
  if (!Array.isArray(exceptRaw)) {
    problems.add([...at, "except"], "must be a list of CIDRs");
    return undefined;
  }
  const excepts = exceptRaw.map((entry: unknown, index) => readCidr(entry, [...at, "except", index], problems));
  if (cidr === undefined || excepts.includes(undefined)) return undefined;
  exceptRaw.forEach((entry: unknown, index) => {
    const except = excepts[index];
    // Containment of IPv6 excepts in an IPv6 cidr is not checked: that space is not analyzed.
    const outside = cidr === "ipv6" ? except !== "ipv6" : except === "ipv6" || subtractIntervals([except!], [cidr]).length > 0;
    if (outside) problems.add([...at, "except", index], `'${String(entry)}' is not inside the cidr '${String(raw.cidr)}'`);
  });
  // IPv6 blocks are valid but outside the IPv4 space this analyzer reports on: they match nothing there.
  if (cidr === "ipv6") return { type: "ipBlock", ranges: [] };
  const ipv4Excepts = excepts.filter((e): e is Exclude<ParsedCidr, "ipv6" | undefined> => e !== "ipv6" && e !== undefined);
  return { type: "ipBlock", ranges: normalizeIntervals(ipBlockRanges(cidr, ipv4Excepts)) };
}

function readCidr(raw: unknown, at: FieldPath, problems: ObjectProblems): ParsedCidr {
  const parsed = typeof raw === "string" ? parseCidr(raw) : undefined;
  if (parsed === undefined) problems.add(at, `'${String(raw)}' is not a valid CIDR (${CIDR_HINT})`);
  return parsed;
}

interface ParsedPorts {
  readonly ports: RulePorts;
  /** Where each named port was written, for checks that need the rule's peers too. */
  readonly namedAt: readonly { name: string; path: FieldPath }[];
}

function parsePorts(raw: unknown, at: FieldPath, problems: ObjectProblems): ParsedPorts {
  const all: ParsedPorts = { ports: { numeric: PortSet.ALL, named: [] }, namedAt: [] };
  if (raw === undefined || raw === null) return all;
  if (!Array.isArray(raw)) {
    problems.add(at, "must be a list of {protocol, port, endPort}");
    return all;
  }
  // An empty list means the same as no list: every port.
  if (raw.length === 0) return all;
  let numeric = PortSet.NONE;
  const named: NamedPortRef[] = [];
  const namedAt: { name: string; path: FieldPath }[] = [];
  raw.forEach((entry: unknown, index) => {
    const entryAt = [...at, index];
    if (!isRecord(entry)) {
      problems.add(entryAt, "must be an object {protocol, port, endPort}");
      return;
    }
    const protocol = entry.protocol ?? "TCP";
    if (typeof protocol !== "string" || !(PROTOCOLS as readonly string[]).includes(protocol)) {
      problems.add([...entryAt, "protocol"], `must be TCP, UDP or SCTP, got '${String(protocol)}'`);
      return;
    }
    const { port, endPort } = entry;
    if (typeof port === "string") {
      if (endPort !== undefined && endPort !== null) {
        problems.add([...entryAt, "endPort"], `cannot be used with the named port '${port}'; endPort needs a numeric port`);
        return;
      }
      named.push({ name: port, protocol: protocol as Protocol });
      namedAt.push({ name: port, path: [...entryAt, "port"] });
      return;
    }
    const range = readPortRange(port, endPort, entryAt, problems);
    if (range === "all") numeric = numeric.union(PortSet.allPortsOf(protocol as Protocol));
    else if (range !== undefined) numeric = numeric.union(PortSet.range(protocol as Protocol, range.first, range.last));
  });
  return { ports: { numeric, named }, namedAt };
}

function readPortRange(port: unknown, endPort: unknown, at: FieldPath, problems: ObjectProblems): { first: number; last: number } | "all" | undefined {
  const isPort = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= MIN_PORT && (value as number) <= MAX_PORT;
  const hasEndPort = endPort !== undefined && endPort !== null;
  if (port === undefined || port === null) {
    if (!hasEndPort) return "all";
    problems.add([...at, "endPort"], "needs a port to start the range from");
    return undefined;
  }
  if (!isPort(port)) {
    problems.add([...at, "port"], `must be a port number ${MIN_PORT}-${MAX_PORT} or a port name, got '${String(port)}'`);
    return undefined;
  }
  if (!hasEndPort) return { first: port, last: port };
  if (!isPort(endPort)) {
    problems.add([...at, "endPort"], `must be a port number ${MIN_PORT}-${MAX_PORT}, got '${String(endPort)}'`);
    return undefined;
  }
  if (endPort < port) {
    problems.add([...at, "endPort"], `${endPort} is lower than port ${port}; the range port-endPort must not be empty`);
    return undefined;
  }
  return { first: port, last: endPort };
}

/** The ports a rule allows towards one destination pod: its numeric ports and its named ports that pod declares. */
export function resolveRulePorts(ports: RulePorts, destinationPorts: readonly ContainerPort[]): PortSet {
  let resolved = ports.numeric;
  for (const ref of ports.named) {
    for (const declared of destinationPorts) {
      if (declared.name === ref.name && declared.protocol === ref.protocol && declared.port >= MIN_PORT && declared.port <= MAX_PORT) {
        resolved = resolved.union(PortSet.range(ref.protocol, declared.port, declared.port));
      }
    }
  }
  return resolved;
}
