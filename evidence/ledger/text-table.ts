/**
 * Aligned plain-text columns for the terminal. Widths count CJK characters as two columns,
 * as terminals draw them, so department display names do not push the columns apart.
 */
export type Align = "left" | "right";

export function renderTable(columns: ReadonlyArray<{ readonly title: string; readonly align: Align }>, rows: ReadonlyArray<readonly string[]>): string[] {
  const all = [columns.map((c) => c.title), ...rows];
  const widths = columns.map((_, i) => Math.max(...all.map((row) => displayWidth(row[i] ?? ""))));
  return all.map((row) =>
    columns
      .map((column, i) => {
        const cell = row[i] ?? "";
        const pad = " ".repeat(widths[i] - displayWidth(cell));
        return column.align === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd(),
  );
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

export function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}
