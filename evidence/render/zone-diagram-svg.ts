import { escapeHtml } from "./html-escape";
import type { EdgeState, ZoneEdge, ZoneGraph, ZoneNode } from "./zone-diagram-graph";

/**
 * The zone diagram as inline SVG, laid out by rule so the same graph always gives the same
 * picture: four columns left to right, the way traffic enters a government cloud:
 *   0 external networks as sources · 1 gateway, mgmt · 2 level zones · 3 DNS, external networks as destinations.
 * An external network both sending and receiving appears in both outer columns. Arrows between
 * neighbouring columns are straight; arrows within a column bend through the gutter on its
 * right; any other arrow runs through the gutters and a lane below the boxes, so no arrow
 * crosses a box. No xmlns: inline SVG in HTML needs none, and the report
 * names no URL at all.
 */
export function zoneDiagramSvg(graph: ZoneGraph, idPrefix: string, title: string): string {
  const layout = layOut(graph);
  const markers = (Object.keys(COLOURS) as EdgeState[])
    .map((s) => `<marker id="${idPrefix}-arrow-${s}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${COLOURS[s]}"/></marker>`)
    .join("");
  const boxes = layout.boxes.map(drawBox).join("\n");
  const arrows = layout.arrows.map((a) => drawArrow(a, idPrefix)).join("\n");
  const labels = layout.arrows.map(drawLabel).join("\n");
  const legendY = layout.height - 22;
  const legend = LEGEND.map(({ state, text }, i) => {
    const x = MARGIN + i * 260;
    return `<line x1="${x}" y1="${legendY}" x2="${x + 36}" y2="${legendY}" stroke="${COLOURS[state]}" stroke-width="2"${DASH[state]} marker-end="url(#${idPrefix}-arrow-${state})"/><text x="${x + 44}" y="${legendY + 4}" class="zd-legend">${escapeHtml(text)}</text>`;
  }).join("");
  return [
    `<svg class="zone-diagram" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<defs>${markers}</defs>`,
    boxes,
    arrows,
    labels,
    legend,
    "</svg>",
  ].join("\n");
}

const BOX_WIDTH = 210;
const GUTTER = 210;
const MARGIN = 20;
/** Room right of the last column for the lanes of arrows that leave it. */
const RIGHT_ROOM = 60;
const BOX_GAP = 26;
const ANCHOR_SPACING = 18;
const LANE_SPACING = 22;

const COLOURS: Readonly<Record<EdgeState, string>> = { agrees: "#2c3e50", unintended: "#c0392b", differs: "#c0392b", missing: "#d35400" };
const DASH: Readonly<Record<EdgeState, string>> = { agrees: "", unintended: "", differs: "", missing: ' stroke-dasharray="6 4"' };
const FILLS: Readonly<Record<string, string>> = {
  external: "#e8f0fb",
  gateway: "#fff3dc",
  mgmt: "#e6f4ea",
  dns: "#f1f1f1",
  other: "#f1f1f1",
  "level-1": "#f5f8ff",
  "level-2": "#eef1fb",
  "level-3": "#fcebe9",
  "level-4": "#f8d7d3",
};
const LEGEND: ReadonlyArray<{ state: EdgeState; text: string }> = [
  { state: "agrees", text: "放行且已声明 allowed as declared" },
  { state: "unintended", text: "放行但未声明 allowed, not declared" },
  { state: "missing", text: "已声明但未放行 declared, not allowed" },
];

interface Box {
  readonly key: string;
  readonly node: ZoneNode;
  readonly column: number;
  readonly x: number;
  y: number;
  readonly height: number;
  readonly lines: ReadonlyArray<{ text: string; cls: string }>;
}

interface Arrow {
  readonly edge: ZoneEdge;
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly label: { x: number; y: number; width: number };
}

interface Layout {
  readonly boxes: readonly Box[];
  readonly arrows: readonly Arrow[];
  readonly width: number;
  readonly height: number;
}

function layOut(graph: ZoneGraph): Layout {
  const sourceKey = (zone: string) => (kindOf(graph, zone) === "external" ? `${zone}>in` : zone);
  const targetKey = (zone: string) => (kindOf(graph, zone) === "external" ? `${zone}>out` : zone);

  // Which boxes exist, column by column, in the matrix's zone order.
  const columns: ZoneNode[][] = [[], [], [], []];
  const keys: string[][] = [[], [], [], []];
  const place = (column: number, node: ZoneNode, key: string) => {
    columns[column].push(node);
    keys[column].push(key);
  };
  for (const node of graph.nodes) {
    if (node.kind === "external") {
      const sends = graph.edges.some((e) => e.from === node.zone);
      const receives = graph.edges.some((e) => e.to === node.zone);
      if (sends || !receives) place(0, node, `${node.zone}>in`);
      if (receives) place(3, node, `${node.zone}>out`);
    } else if (node.kind === "gateway" || node.kind === "mgmt") place(1, node, node.zone);
    else if (node.kind === "level" || node.kind === "other") place(2, node, node.zone);
  }
  // DNS heads the last column, above the external destinations.
  for (const node of graph.nodes.filter((n) => n.kind === "dns")) {
    columns[3].unshift(node);
    keys[3].unshift(node.zone);
  }

  const columnOf = new Map<string, number>();
  keys.forEach((list, column) => list.forEach((key) => columnOf.set(key, column)));
  const edges = graph.edges.filter((e) => columnOf.has(sourceKey(e.from)) && columnOf.has(targetKey(e.to)));
  const span = (e: ZoneEdge) => columnOf.get(targetKey(e.to))! - columnOf.get(sourceKey(e.from))!;
  const straight = (e: ZoneEdge) => Math.abs(span(e)) === 1;

  // Each side of a box holds its arrows' ends, evenly spaced; the box grows to fit them.
  type Side = "left" | "right";
  const ends = new Map<string, Array<{ edge: number; other: string }>>();
  const addEnd = (key: string, side: Side, edge: number, other: string) => {
    const id = `${key}|${side}`;
    ends.set(id, [...(ends.get(id) ?? []), { edge, other }]);
  };
  edges.forEach((e, i) => {
    const from = sourceKey(e.from);
    const to = targetKey(e.to);
    const backwards = straight(e) && span(e) < 0;
    addEnd(from, backwards ? "left" : "right", i, to);
    addEnd(to, backwards || span(e) === 0 ? "right" : "left", i, from);
  });

  const boxes: Box[] = [];
  columns.forEach((nodes, column) => {
    let y = MARGIN;
    nodes.forEach((node, i) => {
      const key = keys[column][i];
      const lines = boxLines(node);
      const anchors = Math.max(ends.get(`${key}|left`)?.length ?? 0, ends.get(`${key}|right`)?.length ?? 0);
      const height = Math.max(18 + lines.length * 17, 12 + anchors * ANCHOR_SPACING);
      boxes.push({ key, node, column, x: MARGIN + column * (BOX_WIDTH + GUTTER), y, height, lines });
      y += height + BOX_GAP;
    });
  });
  // Centre each column on the tallest, so arrows between columns run mostly level.
  const columnHeight = (c: number) => boxes.filter((b) => b.column === c).reduce((h, b) => h + b.height + BOX_GAP, -BOX_GAP);
  const tallest = Math.max(0, ...[0, 1, 2, 3].map(columnHeight));
  for (const box of boxes) box.y += Math.round((tallest - columnHeight(box.column)) / 2);
  const boxOf = new Map(boxes.map((b) => [b.key, b]));
  const centre = (key: string) => boxOf.get(key)!.y + boxOf.get(key)!.height / 2;

  const anchorY = new Map<string, number>();
  for (const [id, list] of ends) {
    const box = boxOf.get(id.split("|")[0])!;
    const sorted = [...list].sort((a, b) => centre(a.other) - centre(b.other) || a.edge - b.edge);
    const top = box.y + box.height / 2 - ((sorted.length - 1) * ANCHOR_SPACING) / 2;
    sorted.forEach((end, i) => anchorY.set(`${id}|${end.edge}`, top + i * ANCHOR_SPACING));
  }

  const contentBottom = MARGIN + tallest;
  const placed: Array<{ x: number; y: number; width: number }> = [];
  const boxRects = boxes.map((b) => ({ x: b.x, y: b.y, width: BOX_WIDTH, height: b.height }));
  let lane = 0;
  const brackets = [0, 0, 0, 0];
  const arrows = edges.map((edge, i): Arrow => {
    const from = boxOf.get(sourceKey(edge.from))!;
    const to = boxOf.get(targetKey(edge.to))!;
    const width = textWidth(edge.label, 6.7) + 10;
    if (straight(edge)) {
      const backwards = to.column < from.column;
      const x1 = backwards ? from.x : from.x + BOX_WIDTH;
      const x2 = backwards ? to.x + BOX_WIDTH : to.x;
      const y1 = anchorY.get(`${from.key}|${backwards ? "left" : "right"}|${i}`)!;
      const y2 = anchorY.get(`${to.key}|${backwards ? "right" : "left"}|${i}`)!;
      const label = placeLabel([0.5, 0.32, 0.68, 0.2, 0.8], (t) => ({ x: x1 + (x2 - x1) * t, y: y1 + (y2 - y1) * t, width }), placed, boxRects);
      return { edge, points: [[x1, y1], [x2, y2]], label };
    }
    if (from.column === to.column) {
      const k = brackets[from.column]++;
      const x1 = from.x + BOX_WIDTH;
      const y1 = anchorY.get(`${from.key}|right|${i}`)!;
      const y2 = anchorY.get(`${to.key}|right|${i}`)!;
      const bend = x1 + 18 + k * 10;
      const label = placeLabel([0.5, 0.3, 0.7], (t) => ({ x: bend, y: y1 + (y2 - y1) * t, width }), placed, boxRects);
      return { edge, points: [[x1, y1], [bend, y1], [bend, y2], [x1, y2]], label };
    }
    const k = lane++;
    const x1 = from.x + BOX_WIDTH;
    const y1 = anchorY.get(`${from.key}|right|${i}`)!;
    const x2 = to.x;
    const y2 = anchorY.get(`${to.key}|left|${i}`)!;
    const out = x1 + 14 + k * 10;
    const back = x2 - 14 - k * 10;
    const laneY = contentBottom + 24 + k * LANE_SPACING;
    const label = placeLabel([0.5, 0.3, 0.7], (t) => ({ x: out + (back - out) * t, y: laneY, width }), placed, boxRects);
    return { edge, points: [[x1, y1], [out, y1], [out, laneY], [back, laneY], [back, y2], [x2, y2]], label };
  });

  const width = MARGIN * 2 + 4 * BOX_WIDTH + 3 * GUTTER + RIGHT_ROOM;
  const height = contentBottom + 24 + lane * LANE_SPACING + 44;
  return { boxes, arrows, width, height };
}

function kindOf(graph: ZoneGraph, zone: string): ZoneNode["kind"] | undefined {
  return graph.nodes.find((n) => n.zone === zone)?.kind;
}

/** The Chinese name, the zone id, and what flows inside the zone. */
function boxLines(node: ZoneNode): Array<{ text: string; cls: string }> {
  const name = node.label.endsWith(` ${node.zone}`) ? node.label.slice(0, -node.zone.length - 1) : node.label;
  const lines = [{ text: name, cls: "zd-name" }];
  if (name !== node.zone) lines.push({ text: node.zone, cls: "zd-id" });
  if (node.within) lines.push({ text: `区内 within: ${node.within.label}`, cls: node.within.state === "agrees" ? "zd-within" : "zd-within zd-bad" });
  return lines;
}

/** The first position along the arrow whose label overlaps no other label and no box. */
function placeLabel(
  positions: readonly number[],
  at: (t: number) => { x: number; y: number; width: number },
  placed: Array<{ x: number; y: number; width: number }>,
  boxes: ReadonlyArray<{ x: number; y: number; width: number; height: number }>,
): { x: number; y: number; width: number } {
  const clash = (l: { x: number; y: number; width: number }) =>
    placed.some((p) => Math.abs(p.x - l.x) < (p.width + l.width) / 2 && Math.abs(p.y - l.y) < 15) ||
    boxes.some((b) => l.x + l.width / 2 > b.x && l.x - l.width / 2 < b.x + b.width && l.y + 8 > b.y && l.y - 8 < b.y + b.height);
  const label = positions.map(at).find((l) => !clash(l)) ?? at(positions[0]);
  placed.push(label);
  return label;
}

/** Width in pixels: CJK glyphs are a full em, everything else a monospace 0.6 em. */
function textWidth(text: string, narrow: number): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? narrow / 0.6 : narrow;
  return Math.ceil(width);
}

function drawBox(box: Box): string {
  const fill = FILLS[box.node.kind === "level" ? box.node.zone : box.node.kind] ?? FILLS.other;
  const top = box.y + box.height / 2 - ((box.lines.length - 1) * 17) / 2 + 5;
  const text = box.lines.map((l, i) => `<text x="${box.x + BOX_WIDTH / 2}" y="${top + i * 17}" class="${l.cls}">${escapeHtml(l.text)}</text>`).join("");
  return `<g class="zone" data-zone="${escapeHtml(box.node.zone)}"><rect x="${box.x}" y="${box.y}" width="${BOX_WIDTH}" height="${box.height}" rx="6" fill="${fill}" stroke="#5d6d7e"/>${text}</g>`;
}

function drawArrow(arrow: Arrow, idPrefix: string): string {
  const { state, from, to } = arrow.edge;
  const points = arrow.points.map(([x, y]) => `${round(x)},${round(y)}`).join(" ");
  return `<polyline class="flow" data-from="${escapeHtml(from)}" data-to="${escapeHtml(to)}" points="${points}" fill="none" stroke="${COLOURS[state]}" stroke-width="1.6"${DASH[state]} marker-end="url(#${idPrefix}-arrow-${state})"/>`;
}

function drawLabel(arrow: Arrow): string {
  const { x, y, width } = arrow.label;
  const state = arrow.edge.state;
  return `<g class="flow-label"><rect x="${round(x - width / 2)}" y="${round(y - 8)}" width="${width}" height="16" rx="3" fill="#ffffff" stroke="${COLOURS[state]}" stroke-width="0.6"/><text x="${round(x)}" y="${round(y + 4)}" class="zd-port" fill="${COLOURS[state]}">${escapeHtml(arrow.edge.label)}</text></g>`;
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}
