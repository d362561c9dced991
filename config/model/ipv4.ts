/** IPv4 CIDR arithmetic the model needs: which declared range an exception belongs to, and what ranges share. */

export interface AddressInterval {
  readonly first: number;
  readonly last: number;
}

export function parseCidr(cidr: string): AddressInterval {
  const [address, bits] = cidr.split("/");
  const base = address.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - Number(bits));
  const first = base - (base % size);
  return { first, last: first + size - 1 };
}

export function cidrContains(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner);
  return a.first <= b.first && b.last <= a.last;
}

export function cidrsOverlap(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return x.first <= y.last && y.first <= x.last;
}

/**
 * Whether any address of `range` is in `cidr` and in none of `except`: the addresses a block
 * with exceptions really covers, as a NetworkPolicy ipBlock would.
 */
export function reachesAddressIn(cidr: string, except: readonly string[], range: string): boolean {
  const block = parseCidr(cidr);
  const target = parseCidr(range);
  let left: AddressInterval[] = [{ first: Math.max(block.first, target.first), last: Math.min(block.last, target.last) }].filter((i) => i.first <= i.last);
  for (const cut of except.map(parseCidr)) {
    left = left.flatMap((i) => [
      ...(i.first < cut.first ? [{ first: i.first, last: Math.min(i.last, cut.first - 1) }] : []),
      ...(i.last > cut.last ? [{ first: Math.max(i.first, cut.last + 1), last: i.last }] : []),
    ]);
  }
  return left.length > 0;
}
