import { readPlatform } from "../config/read-platform";
import { formatProblem } from "../config/declaration/problem";

export async function main(argv: string[]): Promise<number> {
  const t = Date.now();
  const r = readPlatform(argv[0] ?? "config");
  for (const p of r.problems) console.log(formatProblem(p));
  console.log(r.model ? "ok" : "bad", Date.now() - t);
  return r.model ? 0 : 1;
}
