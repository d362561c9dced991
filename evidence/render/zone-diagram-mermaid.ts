import type { EdgeState, ZoneGraph } from "./zone-diagram-graph";

/**
 * The zone diagram as a Mermaid `flowchart LR`, for report.md (GitHub and most Markdown viewers
 * draw it). Zone ids become node ids made of letters, digits and underscores (Mermaid reads
 * `-` and other characters as syntax), with a numeric suffix should two ids sanitise alike;
 * every label is quoted, its quotes and angle brackets written as Mermaid entity codes.
 */
export function zoneDiagramMermaid(graph: ZoneGraph): string {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const node of graph.nodes) {
    const base = `z_${node.zone.replace(/[^A-Za-z0-9_]/g, "_")}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    ids.set(node.zone, id);
  }
  const lines = ["flowchart LR"];
  for (const node of graph.nodes) {
    const within = node.within ? `<br/>区内 within: ${mermaidText(node.within.label)}` : "";
    lines.push(`  ${ids.get(node.zone)}["${mermaidText(node.label)}${within}"]:::${node.kind === "level" ? node.zone.replace("-", "") : node.kind}`);
  }
  const styled: string[] = [];
  // linkStyle counts links in the order they are written.
  let link = 0;
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) continue;
    lines.push(`  ${from} ${edge.state === "missing" ? "-.->" : "-->"}|"${mermaidText(edge.label)}"| ${to}`);
    if (edge.state !== "agrees") styled.push(`  linkStyle ${link} stroke:${STROKES[edge.state]},stroke-width:2px`);
    link++;
  }
  lines.push(...styled);
  lines.push(
    "  classDef external fill:#e8f0fb,stroke:#5d6d7e",
    "  classDef gateway fill:#fff3dc,stroke:#5d6d7e",
    "  classDef mgmt fill:#e6f4ea,stroke:#5d6d7e",
    "  classDef dns fill:#f1f1f1,stroke:#5d6d7e",
    "  classDef other fill:#f1f1f1,stroke:#5d6d7e",
    "  classDef level1 fill:#f5f8ff,stroke:#5d6d7e",
    "  classDef level2 fill:#eef1fb,stroke:#5d6d7e",
    "  classDef level3 fill:#fcebe9,stroke:#5d6d7e",
    "  classDef level4 fill:#f8d7d3,stroke:#5d6d7e",
  );
  return ["```mermaid", ...lines, "```"].join("\n");
}

const STROKES: Readonly<Record<EdgeState, string>> = { agrees: "#2c3e50", unintended: "#c0392b", differs: "#c0392b", missing: "#d35400" };

/** Inside a quoted Mermaid label: entity codes for what would end the label or read as markup. */
function mermaidText(text: string): string {
  return text.replace(/[#"<>\n]/g, (c) => ({ "#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "\n": " " })[c]!);
}
