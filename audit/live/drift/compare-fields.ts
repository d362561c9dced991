import type { FieldPath } from "../../../config/declaration/problem";
import { isServerFilled, sameValue } from "./server-filled-fields";

/** One field where the live object is not the declared one. */
export interface FieldDifference {
  readonly path: FieldPath;
  /** Absent when only the cluster has the field. */
  readonly declared?: unknown;
  /** Absent when the cluster lacks a declared field. */
  readonly live?: unknown;
}

type Fields = Record<string, unknown>;

/**
 * Every field where `live` differs from `declared`, the object Terraform applies: declared fields
 * that are missing or hold another value, and fields only the cluster has, except what the server
 * fills in (`server-filled-fields.ts`). Lists of named items (containers, ports, env, volumes)
 * are matched by name, others item by item; quantities compare by amount (`1000m` is `1`), as the
 * API server stores them in canonical form.
 */
export function compareFields(kind: string, declared: object, live: object): FieldDifference[] {
  const found: FieldDifference[] = [];
  compareValue(kind, declared, live, [], live as Fields, live as Fields, found);
  return found;
}

function compareValue(kind: string, declared: unknown, live: unknown, path: FieldPath, liveParent: Fields, root: Fields, found: FieldDifference[]): void {
  if (isFields(declared)) {
    if (!isFields(live)) {
      found.push({ path, declared, live });
      return;
    }
    for (const [key, value] of Object.entries(declared)) {
      if (!Object.prototype.hasOwnProperty.call(live, key)) {
        if (!isEmpty(value)) found.push({ path: [...path, key], declared: value });
        continue;
      }
      compareValue(kind, value, live[key], [...path, key], live, root, found);
    }
    for (const [key, value] of Object.entries(live)) {
      if (Object.prototype.hasOwnProperty.call(declared, key) || isEmpty(value) || isServerFilled(kind, [...path, key], value, live, root)) continue;
      // A map only the cluster has is judged key by key: the server fills some keys of maps nobody declared (annotations).
      if (isFields(value)) compareValue(kind, {}, value, [...path, key], live, root, found);
      else found.push({ path: [...path, key], live: value });
    }
    return;
  }
  if (Array.isArray(declared)) {
    if (!Array.isArray(live)) {
      found.push({ path, declared, live });
      return;
    }
    compareLists(kind, declared, live, path, root, found);
    return;
  }
  if (!sameScalar(declared, live)) {
    // A declared field the server defaulted differently is still a difference; one it fills in from nothing is not.
    if (live !== undefined || !isServerFilled(kind, path, live, liveParent, root)) found.push({ path, declared, live });
  }
}

function compareLists(kind: string, declared: unknown[], live: unknown[], path: FieldPath, root: Fields, found: FieldDifference[]): void {
  const named = (items: unknown[]) => items.length > 0 && items.every((item) => isFields(item) && typeof item.name === "string");
  if (named(declared) && (live.length === 0 || named(live))) {
    const byName = new Map(live.map((item, index) => [(item as Fields).name as string, { item, index }]));
    const declaredNames = new Set(declared.map((item) => (item as Fields).name));
    declared.forEach((item, index) => {
      const match = byName.get((item as Fields).name as string);
      if (!match) found.push({ path: [...path, index], declared: item });
      else compareValue(kind, item, match.item, [...path, index], match.item as Fields, root, found);
    });
    live.forEach((item, index) => {
      if (!declaredNames.has((item as Fields).name)) found.push({ path: [...path, index], live: item });
    });
    return;
  }
  for (let index = 0; index < Math.max(declared.length, live.length); index++) {
    if (index >= live.length) found.push({ path: [...path, index], declared: declared[index] });
    else if (index >= declared.length) found.push({ path: [...path, index], live: live[index] });
    else compareValue(kind, declared[index], live[index], [...path, index], isFields(live[index]) ? (live[index] as Fields) : {}, root, found);
  }
}

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The API server drops empty structs and lists; an empty one declared is the same as none. */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (isFields(value) && Object.keys(value).length === 0);
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (sameValue(a, b)) return true;
  if (typeof a === "string" && typeof b === "string") {
    const x = quantity(a);
    const y = quantity(b);
    return x !== undefined && y !== undefined && Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y), 1);
  }
  return false;
}

const SUFFIXES: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** A Kubernetes resource quantity's amount (`500m` → 0.5, `1Gi` → 1073741824), or undefined. */
export function quantity(text: string): number | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const base = Number(match[1]);
  return match[2] !== undefined ? Number(`${match[1]}${match[2]}`) : base * SUFFIXES[match[3] ?? ""];
}
