import type { Declaration } from "../declaration/load-declaration";
import type { Problem } from "../declaration/problem";
import type { IsoDate } from "../model/calendar";

/** What rules may depend on besides the declaration: the date, injectable so runs are reproducible. */
export interface RuleContext {
  readonly today: IsoDate;
}

/** A check across fields and files of a schema-valid declaration. Returns every problem it finds. */
export type DeclarationRule = (declaration: Declaration, context: RuleContext) => Problem[];

/** Index of each item whose `key` repeats an earlier one, with the index of that first one. */
export function duplicates<T>(items: readonly T[], key: (item: T) => string): Array<{ index: number; first: number; key: string }> {
  const seen = new Map<string, number>();
  const found: Array<{ index: number; first: number; key: string }> = [];
  items.forEach((item, index) => {
    const k = key(item);
    if (k === undefined) return; // a name that failed its schema repeats nothing
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else found.push({ index, first, key: k });
  });
  return found;
}
