/** IPv4 CIDR arithmetic the model needs: which declared range an exception belongs to. */

export function parseCidr(cidr: string): { first: number; last: number } {
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
