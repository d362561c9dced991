import type { Sourced } from "../declaration/load-declaration";
import type { DepartmentDeclaration } from "../schema/department";

/**
 * Pairs the two sides of data-sharing agreements. A flow exists only where the provider's
 * offer names the consumer and the consumer declares the same consumption; what is left on
 * either side is one-sided, and refused.
 */
export interface SharingPair {
  readonly provider: { readonly department: number; readonly offer: number; readonly consumer: number };
  readonly consumer: { readonly department: number; readonly consumption: number };
}

export interface SharingMatch {
  readonly pairs: readonly SharingPair[];
  /** Offer consumers no consumption answers: [department, offer, consumer index]. */
  readonly unansweredOffers: ReadonlyArray<SharingPair["provider"]>;
  /** Consumptions no offer answers: [department, consumption index]. */
  readonly unansweredConsumptions: ReadonlyArray<SharingPair["consumer"]>;
}

export function matchSharing(departments: readonly Sourced<DepartmentDeclaration>[]): SharingMatch {
  const consumptions = new Map<string, SharingPair["consumer"]>();
  departments.forEach((d, department) =>
    d.data.sharing.consumes.forEach((c, consumption) => {
      consumptions.set(`${c.provider} -> ${d.data.name}/${c.consumer}`, { department, consumption });
    }),
  );
  const pairs: SharingPair[] = [];
  const unansweredOffers: SharingPair["provider"][] = [];
  const answered = new Set<string>();
  departments.forEach((d, department) =>
    d.data.sharing.offers.forEach((offer, offerIndex) =>
      offer.consumers.forEach((consumer, consumerIndex) => {
        const key = `${d.data.name}/${offer.service} -> ${consumer}`;
        const provider = { department, offer: offerIndex, consumer: consumerIndex };
        const match = consumptions.get(key);
        if (match) {
          pairs.push({ provider, consumer: match });
          answered.add(key);
        } else {
          unansweredOffers.push(provider);
        }
      }),
    ),
  );
  const unansweredConsumptions = [...consumptions].filter(([key]) => !answered.has(key)).map(([, c]) => c);
  return { pairs, unansweredOffers, unansweredConsumptions };
}
