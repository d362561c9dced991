import type { ZoneMatrix } from "../../audit/flows";

/** How an arrow compares with the declaration. */
export type EdgeState = "agrees" | "unintended" | "differs" | "missing";

export type ZoneKind = "external" | "gateway" | "mgmt" | "level" | "dns" | "other";

export interface ZoneNode {
  readonly zone: string;
  readonly label: string;
  readonly kind: ZoneKind;
  /** Flows inside the zone (e.g. between services of one level), shown in its box. */
  readonly within?: { readonly label: string; readonly state: EdgeState };
}

export interface ZoneEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly state: EdgeState;
}

export interface ZoneGraph {
  readonly nodes: readonly ZoneNode[];
  readonly edges: readonly ZoneEdge[];
}

/**
 * The zone matrix as a graph, shared by the SVG and Mermaid drawings: an arrow for every
 * zone pair with an effective flow (the ports it allows), and one for a declared flow the
 * artifact does not allow, so a disagreement is visible in the picture as in the table.
 */
export function zoneGraph(matrix: ZoneMatrix, labels: Readonly<Record<string, string>>): ZoneGraph {
  const edges: ZoneEdge[] = [];
  const within = new Map<string, ZoneNode["within"]>();
  for (const cell of matrix.cells) {
    const edge = edgeOf(cell.effective, cell.intended, cell.agrees);
    if (cell.from === cell.to) within.set(cell.from, edge);
    else edges.push({ from: cell.from, to: cell.to, ...edge });
  }
  const nodes = matrix.zones.map((zone) => {
    const inside = within.get(zone);
    return { zone, label: labels[zone] ?? zone, kind: zoneKind(zone), ...(inside ? { within: inside } : {}) };
  });
  return { nodes, edges };
}

/** Labels stay short (they sit between boxes); the colour and line style say how they disagree. */
function edgeOf(effective: string, intended: string, agrees: boolean): { label: string; state: EdgeState } {
  if (agrees) return { label: effective, state: "agrees" };
  if (effective === "-") return { label: `intended ${intended}`, state: "missing" };
  if (intended === "-") return { label: `${effective} undeclared`, state: "unintended" };
  return { label: `${effective} ≠ intended ${intended}`, state: "differs" };
}

function zoneKind(zone: string): ZoneKind {
  if (zone === "gateway" || zone === "mgmt" || zone === "dns" || zone === "other") return zone;
  if (/^level-[1-4]$/.test(zone)) return "level";
  return "external";
}
