import { error, type Problem } from "../declaration/problem";
import { cidrContains, cidrsOverlap, reachesAddressIn } from "../model/ipv4";
import type { DeclarationRule } from "./rule";

/**
 * An external network is what its CIDRs cover minus its exceptions, exactly as a NetworkPolicy
 * ipBlock reads it. An exception outside every CIDR, or one that swallows a whole CIDR, cannot be
 * written as an ipBlock (Kubernetes requires each exception strictly inside its block), so the
 * renderer would have to drop it and open more than declared: both are refused. A network may
 * never include the platform's own addresses (gateway addresses, declared own ranges): egress
 * "to the internet" would otherwise reach the platform from the inside.
 */
export const externalNetworks: DeclarationRule = ({ platform }) => {
  const problems: Problem[] = [];
  const p = platform.data;
  const own = [
    ...p.clusters.flatMap((c) => (c.gatewayAddresses === undefined ? [] : [{ range: c.gatewayAddresses, what: `the gateway addresses ${c.gatewayAddresses} of cluster "${c.name}"` }])),
    ...p.network.ownRanges.map((r) => ({ range: r.cidr, what: `the platform's own range "${r.name}" ${r.cidr}` })),
  ];
  p.network.externalNetworks.forEach((network, ni) => {
    const at = ["network", "externalNetworks", ni];
    network.except.forEach((except, ei) => {
      const swallowed = network.cidrs.find((cidr) => cidrContains(except, cidr));
      if (swallowed !== undefined) {
        problems.push(error(platform.file, [...at, "except", ei], `except ${except} covers all of ${swallowed} of external network "${network.name}"; an exception must lie inside a CIDR and leave part of it (to leave ${swallowed} out, remove it from cidrs)`));
      } else if (!network.cidrs.some((cidr) => cidrContains(cidr, except))) {
        const overlapping = network.cidrs.find((cidr) => cidrsOverlap(cidr, except));
        const where = overlapping === undefined ? `lies outside every CIDR of external network "${network.name}" (${network.cidrs.join(", ")})` : `is not inside ${overlapping} of external network "${network.name}"`;
        problems.push(error(platform.file, [...at, "except", ei], `except ${except} ${where}; an exception can only cut into the network's own CIDRs`));
      }
    });
    network.cidrs.forEach((cidr, ci) => {
      for (const { range, what } of own) {
        if (reachesAddressIn(cidr, network.except, range)) {
          problems.push(error(platform.file, [...at, "cidrs", ci], `external network "${network.name}" range ${cidr} includes ${what}; the platform's own addresses are never an external network (cut them out with except, or correct the range)`));
        }
      }
    });
  });
  return problems;
};
