import { ConnectivityResult, peerName } from "./connectivity-result";

export const CONNECTIVITY_FORMATS = ["txt", "json", "csv", "md"] as const;
export type ConnectivityFormat = (typeof CONNECTIVITY_FORMATS)[number];

/**
 * Renders a result the way netpol-analyzer's connlist does, so outputs can be compared with it:
 * - txt: `src => dst : conn` lines;
 * - json: an array of {src, dst, conn};
 * - csv: header `src,dst,conn`, fields quoted where they hold commas;
 * - md: a table with header `| src | dst | conn |`.
 * Rows keep the result's order (byte-wise by txt line). No trailing newline.
 */
export function formatConnectivity(result: ConnectivityResult, format: ConnectivityFormat): string {
  const rows = connectionRows(result);
  switch (format) {
    case "txt":
      return rows.map((r) => `${r.src} => ${r.dst} : ${r.conn}`).join("\n");
    case "json":
      return JSON.stringify(rows, null, 2);
    case "csv":
      return ["src,dst,conn", ...rows.map((r) => [r.src, r.dst, r.conn].map(csvField).join(","))].join("\n");
    case "md":
      return ["| src | dst | conn |", "|-----|-----|------|", ...rows.map((r) => `| ${r.src} | ${r.dst} | ${r.conn} |`)].join("\n");
    default:
      throw new Error(`unknown connectivity format '${String(format)}'; use one of ${CONNECTIVITY_FORMATS.join(", ")}`);
  }
}

/** One printed row per allowed connection, in the result's order. */
export interface ConnectionRow {
  readonly src: string;
  readonly dst: string;
  readonly conn: string;
}

export function connectionRows(result: ConnectivityResult): ConnectionRow[] {
  return result.connections.map((c) => ({ src: peerName(c.src), dst: peerName(c.dst), conn: c.conn.toString() }));
}

/** RFC 4180 quoting: connection sets such as `TCP 53,UDP 53` hold commas. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
