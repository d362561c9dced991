import type { Sourced } from "../declaration/load-declaration";
import type { DepartmentDeclaration } from "../schema/department";

/**
 * Pairs consumptions with the catalogue entries they use. A conditionally shared resource flows
 * only where the provider's offer names the consumer and the consumer declares the same
 * consumption; an unconditionally shared one flows to every consumer that declares its use; a
 * resource catalogued as not shared never flows. What is left on either side is refused.
 */
export interface SharingPair {
  /** `consumer`: the index in a conditional offer's consumers; absent for unconditional sharing. */
  readonly provider: { readonly department: number; readonly offer: number; readonly consumer?: number };
  readonly consumer: { readonly department: number; readonly consumption: number };
}

export interface SharingMatch {
  readonly pairs: readonly SharingPair[];
  /** Consumers of conditional offers that no consumption answers. */
  readonly unansweredOffers: ReadonlyArray<Required<SharingPair["provider"]>>;
  /** Consumptions that no offer answers. */
  readonly unansweredConsumptions: ReadonlyArray<SharingPair["consumer"]>;
  /** Consumptions of a resource catalogued as not shared, with the entry that refuses them. */
  readonly refusedConsumptions: readonly SharingPair[];
}

export function matchSharing(departments: readonly Sourced<DepartmentDeclaration>[]): SharingMatch {
  // Offers by the address of the service they catalogue, in declaration order.
  const offersOf = new Map<string, Array<{ department: number; offer: number }>>();
  departments.forEach((d, department) =>
    d.data.sharing.offers.forEach((offer, index) => {
      const address = `${d.data.name}/${offer.service}`;
      offersOf.set(address, [...(offersOf.get(address) ?? []), { department, offer: index }]);
    }),
  );
  const offer = (o: { department: number; offer: number }) => departments[o.department].data.sharing.offers[o.offer];

  const pairs: SharingPair[] = [];
  const refusedConsumptions: SharingPair[] = [];
  const unansweredConsumptions: SharingPair["consumer"][] = [];
  const answered = new Set<string>();
  departments.forEach((d, department) =>
    d.data.sharing.consumes.forEach((c, consumption) => {
      const consumer = { department, consumption };
      const address = `${d.data.name}/${c.consumer}`;
      const offers = offersOf.get(c.provider) ?? [];
      const notShared = offers.find((o) => offer(o).catalogue?.share === "not-shared");
      const unconditional = offers.find((o) => offer(o).catalogue?.share === "unconditional");
      // Every listing of this consumer is answered; a repeated one is refused by its own rule.
      const listings = offers
        .filter((o) => offer(o).catalogue?.share === "conditional")
        .flatMap((o) => (offer(o).consumers ?? []).flatMap((listed, index) => (listed === address ? [{ ...o, consumer: index }] : [])));
      const conditional = listings[0];
      listings.forEach((l) => answered.add(`${l.department} ${l.offer} ${l.consumer}`));
      if (conditional) {
        pairs.push({ provider: conditional, consumer });
      } else if (unconditional) {
        pairs.push({ provider: unconditional, consumer });
      } else if (notShared) {
        refusedConsumptions.push({ provider: notShared, consumer });
      } else {
        unansweredConsumptions.push(consumer);
      }
    }),
  );
  const unansweredOffers: Array<Required<SharingPair["provider"]>> = [];
  departments.forEach((d, department) =>
    d.data.sharing.offers.forEach((o, index) => {
      if (o.catalogue?.share !== "conditional") return;
      (o.consumers ?? []).forEach((_, consumer) => {
        if (!answered.has(`${department} ${index} ${consumer}`)) unansweredOffers.push({ department, offer: index, consumer });
      });
    }),
  );
  return { pairs, unansweredOffers, unansweredConsumptions, refusedConsumptions };
}
