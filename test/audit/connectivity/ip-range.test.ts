import { intersectIntervals, normalizeIntervals, subtractIntervals, unionIntervals } from "../../../audit/connectivity/interval-list";
import { cutAddressSpace, formatIpRange, formatIpv4, ipBlockRanges, parseCidr, parseIpv4, piecesWithin } from "../../../audit/connectivity/ip-range";

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (parsed === undefined || parsed === "ipv6") throw new Error(`not an IPv4 CIDR: ${text}`);
  return parsed;
};

describe("IPv4 addresses as integers", () => {
  it("round-trips dotted quads", () => {
    expect(parseIpv4("10.0.0.1")).toBe(167772161);
    expect(parseIpv4("255.255.255.255")).toBe(4294967295);
    expect(formatIpv4(167772161)).toBe("10.0.0.1");
    expect(formatIpv4(4294967295)).toBe("255.255.255.255");
  });

  it("refuses malformed addresses, including leading zeros", () => {
    expect(parseIpv4("256.0.0.1")).toBeUndefined();
    expect(parseIpv4("10.0.0")).toBeUndefined();
    expect(parseIpv4("010.0.0.1")).toBeUndefined();
    expect(parseIpv4("A")).toBeUndefined();
  });
});

describe("CIDRs", () => {
  it("reads prefixes as inclusive ranges", () => {
    expect(formatIpRange(cidr("10.0.0.0/8"))).toBe("10.0.0.0-10.255.255.255");
    expect(formatIpRange(cidr("0.0.0.0/0"))).toBe("0.0.0.0-255.255.255.255");
    expect(formatIpRange(cidr("192.168.1.7/32"))).toBe("192.168.1.7-192.168.1.7");
  });

  it("ignores host bits, as Go's ParseCIDR does", () => {
    expect(formatIpRange(cidr("10.1.2.3/16"))).toBe("10.1.0.0-10.1.255.255");
  });

  it("tells IPv6 apart from invalid text", () => {
    expect(parseCidr("2001:db8::/32")).toBe("ipv6");
    expect(parseCidr("A")).toBeUndefined();
    expect(parseCidr("10.0.0.0/33")).toBeUndefined();
    expect(parseCidr("10.0.0.0")).toBeUndefined();
  });

  it("subtracts excepts from an ipBlock", () => {
    const ranges = ipBlockRanges(cidr("0.0.0.0/0"), [cidr("10.0.0.0/8"), cidr("172.21.0.0/16"), cidr("172.30.0.0/16")]);
    expect(ranges.map(formatIpRange)).toEqual([
      "0.0.0.0-9.255.255.255",
      "11.0.0.0-172.20.255.255",
      "172.22.0.0-172.29.255.255",
      "172.31.0.0-255.255.255.255",
    ]);
  });
});

describe("cutting the address space", () => {
  it("splits at every start and end of every range, without merging neighbours", () => {
    const block = ipBlockRanges(cidr("10.0.0.0/8"), [cidr("10.10.0.0/16")]);
    expect(cutAddressSpace(block).map(formatIpRange)).toEqual([
      "0.0.0.0-9.255.255.255",
      "10.0.0.0-10.9.255.255",
      "10.10.0.0-10.10.255.255",
      "10.11.0.0-10.255.255.255",
      "11.0.0.0-255.255.255.255",
    ]);
  });

  it("is the whole space when no range is given", () => {
    expect(cutAddressSpace([]).map(formatIpRange)).toEqual(["0.0.0.0-255.255.255.255"]);
  });

  it("finds the pieces inside a range", () => {
    const block = ipBlockRanges(cidr("10.0.0.0/8"), [cidr("10.10.0.0/16")]);
    const cut = cutAddressSpace([...block, cidr("0.0.0.0/0")]);
    expect(piecesWithin(cut, block)).toEqual([1, 3]);
    expect(piecesWithin(cut, [cidr("0.0.0.0/0")])).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("interval lists", () => {
  it("normalizes, unions, intersects and subtracts with exact results", () => {
    const a = normalizeIntervals([{ start: 5, end: 9 }, { start: 1, end: 3 }, { start: 4, end: 4 }, { start: 20, end: 30 }]);
    expect(a).toEqual([{ start: 1, end: 9 }, { start: 20, end: 30 }]);
    const b = [{ start: 8, end: 22 }];
    expect(unionIntervals(a, b)).toEqual([{ start: 1, end: 30 }]);
    expect(intersectIntervals(a, b)).toEqual([{ start: 8, end: 9 }, { start: 20, end: 22 }]);
    expect(subtractIntervals(a, b)).toEqual([{ start: 1, end: 7 }, { start: 23, end: 30 }]);
    expect(subtractIntervals([{ start: 1, end: 10 }], [{ start: 1, end: 10 }])).toEqual([]);
  });
});
