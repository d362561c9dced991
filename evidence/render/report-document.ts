import type { ZoneMatrix } from "../../audit/flows";

/**
 * The evidence pack as a neutral document: sections of headings, figures, tables and zone
 * diagrams holding plain text. The HTML and Markdown renderers draw the same document, so the
 * two formats cannot drift apart in content; only presentation differs.
 */
export interface ReportDocument {
  readonly title: string;
  readonly subtitle: string;
  /** What the document was generated from, said again at its end. */
  readonly footer: string;
  readonly stamp: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  /** The overall verdict shown beside the stamp. */
  readonly verdict: { readonly text: string; readonly tone: Tone };
  readonly sections: readonly ReportSection[];
}

export interface ReportSection {
  /** The HTML anchor and the Markdown heading's slug source; stable across runs. */
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
}

/** How a value reads to an auditor: fine, needs attention, wrong, or beside the point. */
export type Tone = "ok" | "warn" | "bad" | "muted";

export type ReportBlock = Heading | Paragraph | KeyFigures | ReportTable | ZoneDiagramBlock;

export interface Heading {
  readonly kind: "heading";
  readonly text: string;
}

export interface Paragraph {
  readonly kind: "paragraph";
  readonly text: string;
  readonly tone?: Tone;
}

export interface KeyFigures {
  readonly kind: "figures";
  readonly items: ReadonlyArray<{ readonly label: string; readonly value: string; readonly tone?: Tone }>;
}

/**
 * A cell is text, then lines (one item a line), then evidence statements each with the objects
 * that prove it. `code` marks lines that are machine names (Terraform addresses, ports) and read
 * better in a fixed-width font; evidence objects always are.
 */
export type Cell =
  | string
  | {
      readonly text?: string;
      readonly lines?: readonly string[];
      readonly code?: boolean;
      readonly evidence?: ReadonlyArray<{ readonly statement: string; readonly objects: readonly string[] }>;
      readonly tone?: Tone;
      /**
       * Where report.json holds the complete list, for renderers that shorten long lists
       * (Markdown): the shortened cell says how many are left out and where they are.
       */
      readonly fullList?: string;
    };

export interface TableRow {
  readonly cells: readonly Cell[];
  readonly tone?: Tone;
}

export interface ReportTable {
  readonly kind: "table";
  /** Unique in the document: the filter box names its table by it. */
  readonly id: string;
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
  /** Long tables get a filter box (HTML only; Markdown readers have their own search). */
  readonly filter: boolean;
  /** Shown instead of an empty table. */
  readonly empty?: string;
}

/** One cluster's zones and the flows between them, drawn as SVG (HTML) or Mermaid (Markdown). */
export interface ZoneDiagramBlock {
  readonly kind: "zone-diagram";
  readonly cluster: string;
  readonly title: string;
  readonly matrix: ZoneMatrix;
  /** Display label of each zone id of the matrix. */
  readonly zoneLabels: Readonly<Record<string, string>>;
}
