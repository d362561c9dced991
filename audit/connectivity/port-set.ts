import {
  IntervalList,
  intersectIntervals,
  subtractIntervals,
  intervalsEqual,
  normalizeIntervals,
  unionIntervals,
} from "./interval-list";

/** The protocols a NetworkPolicy port can name, in the order the connlist grammar prints them. */
export const PROTOCOLS = ["SCTP", "TCP", "UDP"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

const FULL_RANGE: IntervalList = [{ start: MIN_PORT, end: MAX_PORT }];

/**
 * An immutable set of (protocol, port) pairs: per protocol a sorted, merged list of port ranges.
 * This is the "connection set" of one allowed flow.
 */
export class PortSet {
  static readonly NONE = new PortSet({ SCTP: [], TCP: [], UDP: [] });
  static readonly ALL = new PortSet({ SCTP: FULL_RANGE, TCP: FULL_RANGE, UDP: FULL_RANGE });

  /** Every port of one protocol (a NetworkPolicy port entry with a protocol but no port). */
  static allPortsOf(protocol: Protocol): PortSet {
    return PortSet.range(protocol, MIN_PORT, MAX_PORT);
  }

  /** An inclusive port range of one protocol; `first === last` for a single port. */
  static range(protocol: Protocol, first: number, last: number): PortSet {
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < MIN_PORT || last > MAX_PORT || first > last) {
      throw new RangeError(`a port range must lie within ${MIN_PORT}-${MAX_PORT} with first <= last, got ${first}-${last}`);
    }
    return new PortSet({ ...PortSet.NONE.byProtocol, [protocol]: [{ start: first, end: last }] });
  }

  private constructor(private readonly byProtocol: Readonly<Record<Protocol, IntervalList>>) {}

  /** The port ranges of one protocol, ascending and merged. */
  ports(protocol: Protocol): IntervalList {
    return this.byProtocol[protocol];
  }

  union(other: PortSet): PortSet {
    if (this.isEmpty() || other.isAll()) return other;
    if (other.isEmpty() || this.isAll()) return this;
    return this.combine(other, unionIntervals);
  }

  intersect(other: PortSet): PortSet {
    if (this.isAll() || other.isEmpty()) return other;
    if (other.isAll() || this.isEmpty()) return this;
    return this.combine(other, intersectIntervals);
  }

  /** The pairs of this set that `other` lacks: what an audit reports as too much or missing. */
  minus(other: PortSet): PortSet {
    if (other.isEmpty() || this.isEmpty()) return this;
    if (other.isAll()) return PortSet.NONE;
    return this.combine(other, subtractIntervals);
  }

  isEmpty(): boolean {
    return PROTOCOLS.every((p) => this.byProtocol[p].length === 0);
  }

  isAll(): boolean {
    return PROTOCOLS.every((p) => intervalsEqual(this.byProtocol[p], FULL_RANGE));
  }

  equals(other: PortSet): boolean {
    return PROTOCOLS.every((p) => intervalsEqual(this.byProtocol[p], other.byProtocol[p]));
  }

  /**
   * The connlist rendering: `All Connections`, `No Connections`, or e.g. `TCP 1-79,81-65535,UDP 53`
   * (protocols in the order SCTP, TCP, UDP).
   */
  toString(): string {
    this.text ??= this.render();
    return this.text;
  }

  // Immutable, and one set is often printed for many workload pairs: render it once.
  private text: string | undefined;

  private render(): string {
    if (this.isAll()) return "All Connections";
    if (this.isEmpty()) return "No Connections";
    return PROTOCOLS.filter((p) => this.byProtocol[p].length > 0)
      .map((p) => `${p} ${this.byProtocol[p].map((r) => (r.start === r.end ? `${r.start}` : `${r.start}-${r.end}`)).join(",")}`)
      .join(",");
  }

  private combine(other: PortSet, op: (a: IntervalList, b: IntervalList) => IntervalList): PortSet {
    const result = { SCTP: [], TCP: [], UDP: [] } as Record<Protocol, IntervalList>;
    for (const p of PROTOCOLS) result[p] = normalizeIntervals(op(this.byProtocol[p], other.byProtocol[p]));
    return new PortSet(result);
  }
}
