import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { StatefulLock, StatefulLockEntry } from "../config/declaration/stateful-lock";
import { previewStack, type StackDocument } from "./plan-preview/plan-preview";
import type { StackPlan } from "./plan-preview/plan-stack";
import { withFieldsFrom } from "./plan-preview/record-replacement-fields";
import { stackInventory, type InventoryObject } from "./stack-inventory";

export interface StackSummary {
  readonly name: string;
  readonly resources: number;
  readonly namespaces: number;
}

/** What a synthesis needs of one stack of its candidate output. */
export interface OutputStack {
  readonly summary: StackSummary;
  /** Every object, as Terraform will hold it: for the record. */
  readonly inventory: InventoryObject[];
  /** What Terraform will do to it, given the record and the previous output. */
  readonly preview: StackPlan;
  /** The stack's objects holding data, each with the replacement fields it is configured with. */
  readonly statefulEntries: StatefulLockEntry[];
}

/**
 * Reads each named stack of the candidate output once, and its copy in the previous output once,
 * for everything the synthesis takes from them: at province scale each reading of the output is
 * seconds, and holding it whole gigabytes, so one stack at a time is read and let go. A stack
 * whose bytes did not change is parsed once and previewed against itself. `onParsed` is handed
 * each candidate stack's parsed document once the synthesis is done with it (the check of the
 * candidate takes it from there); nothing changes the document afterwards.
 */
export function readOutputStacks(
  candidate: string,
  previous: string | undefined,
  stacks: ReadonlyArray<{ readonly name: string; readonly statefulEntries: readonly StatefulLockEntry[] }>,
  lock: StatefulLock,
  onParsed: (name: string, document: unknown) => void = () => {},
): Map<string, OutputStack> {
  const read = new Map<string, OutputStack>();
  for (const { name, statefulEntries } of stacks) {
    const bytes = readFileSync(join(candidate, "stacks", name, "cdk.tf.json"));
    const before = previous !== undefined ? readIfPresent(join(previous, "stacks", name, "cdk.tf.json")) : undefined;
    const document = JSON.parse(bytes.toString("utf8")) as StackDocument;
    const earlier = before === undefined ? undefined : before.equals(bytes) ? document : (JSON.parse(before.toString("utf8")) as StackDocument);
    const resources = document.resource ?? {};
    read.set(name, {
      summary: { name, resources: Object.values(resources).reduce((n, group) => n + Object.keys(group).length, 0), namespaces: Object.keys(resources.kubernetes_namespace_v1 ?? {}).length },
      inventory: stackInventory(name, document),
      preview: previewStack(lock, name, document, earlier),
      statefulEntries: statefulEntries.map((entry) => withFieldsFrom(entry, resources)),
    });
    onParsed(name, document);
  }
  return read;
}

function readIfPresent(path: string): Buffer | undefined {
  return existsSync(path) ? readFileSync(path) : undefined;
}
