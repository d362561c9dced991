/**
 * What a reader sees in a table of report.html, as text: one array per body row, one string per
 * cell, list items on their own lines. Read from the generated markup, which is regular enough
 * for this (the browser test checks the same tables as Chromium renders them).
 */
export function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html);
  if (!table) throw new Error(`no table with id ${id}`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table[1])![1];
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cellText(cell[1])));
}

/** The class attribute of each body row (`tone-bad`, …), "" for none. */
export function rowTones(html: string, id: string): string[] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html)![1];
  return [...table.matchAll(/<tr( class="([^"]*)")?>/g)].slice(1).map((m) => m[2] ?? "");
}

export function cellText(markup: string): string {
  return decode(
    markup
      .replace(/<summary>[\s\S]*?<\/summary>/g, "")
      .replace(/<\/li><li>|<ul class="lines">|<div class="statement">/g, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/^\n+/, ""),
  );
}

export function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);
}
