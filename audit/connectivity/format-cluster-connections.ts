import type { ConnectivityResult } from "./connectivity-result";
import { connectionRows, csvField, formatConnectivity, type ConnectivityFormat } from "./format-connections";

/** The connectivity of one cluster, analyzed on its own: workloads of different clusters never share a network. */
export interface ClusterConnectivity {
  readonly cluster: string;
  readonly result: ConnectivityResult;
}

/**
 * Renders several clusters' results, each headed by its cluster's name, in cluster order:
 * - txt: `# cluster <name>` then its `src => dst : conn` lines, a blank line between clusters;
 * - md: `## cluster <name>` then its table;
 * - json: an array of {cluster, connections: [{src, dst, conn}]};
 * - csv: one table with a leading `cluster` column, so it still loads as one sheet.
 * No trailing newline, as formatConnectivity.
 */
export function formatClusterConnectivity(clusters: readonly ClusterConnectivity[], format: ConnectivityFormat): string {
  switch (format) {
    case "txt":
      return clusters.map(({ cluster, result }) => [`# cluster ${cluster}`, ...nonEmpty(formatConnectivity(result, "txt"))].join("\n")).join("\n\n");
    case "md":
      return clusters.map(({ cluster, result }) => `## cluster ${cluster}\n\n${formatConnectivity(result, "md")}`).join("\n\n");
    case "json":
      return JSON.stringify(
        clusters.map(({ cluster, result }) => ({ cluster, connections: connectionRows(result) })),
        null,
        2,
      );
    case "csv":
      return [
        "cluster,src,dst,conn",
        ...clusters.flatMap(({ cluster, result }) => connectionRows(result).map((r) => [cluster, r.src, r.dst, r.conn].map(csvField).join(","))),
      ].join("\n");
    default:
      throw new Error(`unknown connectivity format '${String(format)}'`);
  }
}

function nonEmpty(text: string): string[] {
  return text === "" ? [] : [text];
}
