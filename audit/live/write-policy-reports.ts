import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { PolicyReport } from "./policy-reports";

/** The folder of the evidence pack that holds the reports: `<report>/policy-reports/<cluster>.yaml`. */
export const POLICY_REPORTS_FOLDER = "policy-reports";

/**
 * Writes each cluster's reports as one multi-document YAML file for `kubectl apply -f`, each file
 * written to a temporary name and renamed, so a reader never sees half a file. Returns the paths.
 */
export function writePolicyReports(reports: ReadonlyMap<string, readonly PolicyReport[]>, reportDir: string): string[] {
  const dir = join(reportDir, POLICY_REPORTS_FOLDER);
  mkdirSync(dir, { recursive: true });
  return [...reports.keys()].sort().map((cluster) => {
    const path = join(dir, `${cluster}.yaml`);
    const temporary = join(dir, `.${cluster}.yaml.${process.pid}.tmp`);
    const text = reports.get(cluster)!.map((report) => `---\n${stringify(report, { lineWidth: 0 })}`).join("");
    try {
      writeFileSync(temporary, text, "utf8");
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    return path;
  });
}
