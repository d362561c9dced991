import { isIP } from "node:net";
import { Interval, IntervalList, normalizeIntervals, subtractIntervals } from "./interval-list";

/** IPv4 addresses are unsigned 32-bit integers, so ranges are plain integer intervals. */
export const IPV4_FIRST = 0;
export const IPV4_LAST = 2 ** 32 - 1;

// Octets with leading zeros are refused, as Go's net.ParseIP does (they are ambiguous: octal or not).
const OCTET = "(0|[1-9]\\d{0,2})";
const DOTTED_QUAD = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

/** `10.1.2.3` as an integer, or undefined when it is not a dotted-quad IPv4 address. */
export function parseIpv4(text: string): number | undefined {
  const match = DOTTED_QUAD.exec(text);
  if (match === null) return undefined;
  const octets = match.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return ((octets[0] * 256 + octets[1]) * 256 + octets[2]) * 256 + octets[3];
}

export function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}

/** `first-last`, the form the connlist grammar prints (never CIDR). */
export function formatIpRange(range: Interval): string {
  return `${formatIpv4(range.start)}-${formatIpv4(range.end)}`;
}

/**
 * The result of reading an ipBlock CIDR: an IPv4 interval, `ipv6` for a valid IPv6 CIDR (outside the
 * IPv4 space this analyzer reports on, so it matches no external range), or undefined when invalid.
 */
export type ParsedCidr = Interval | "ipv6" | undefined;

/**
 * Reads `a.b.c.d/n`. Host bits below the prefix are ignored, as Go's net.ParseCIDR (which the
 * Kubernetes API server uses) does.
 */
export function parseCidr(text: string): ParsedCidr {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (isIP(address) === 6) return prefix <= 128 ? "ipv6" : undefined;
  const start = parseIpv4(address);
  if (start === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const first = start - (start % size);
  return { start: first, end: first + size - 1 };
}

/** The addresses of an ipBlock: its CIDR minus its excepts. */
export function ipBlockRanges(cidr: Interval, excepts: readonly Interval[]): IntervalList {
  return subtractIntervals([cidr], normalizeIntervals(excepts));
}

/**
 * Splits the whole IPv4 space at every start and every end+1 of the given ranges. Each resulting
 * range is either inside or outside each given range, so it can stand for all its addresses.
 * Adjacent pieces are deliberately not merged: the connlist grammar reports them separately.
 */
export function cutAddressSpace(ranges: Iterable<Interval>): IntervalList {
  const cuts = new Set<number>([IPV4_FIRST]);
  for (const range of ranges) {
    cuts.add(range.start);
    if (range.end < IPV4_LAST) cuts.add(range.end + 1);
  }
  const starts = [...cuts].sort((a, b) => a - b);
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] - 1 : IPV4_LAST }));
}

/**
 * Indices of the pieces of `cut` (output of cutAddressSpace) that lie inside `ranges`. Binary search
 * finds the first piece, so a rule costs its own number of pieces, not the size of the cut.
 */
export function piecesWithin(cut: IntervalList, ranges: IntervalList): number[] {
  const indices: number[] = [];
  for (const range of ranges) {
    let low = 0;
    let high = cut.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cut[mid].end < range.start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < cut.length && cut[i].end <= range.end; i++) {
      if (cut[i].start >= range.start) indices.push(i);
    }
  }
  return indices;
}
