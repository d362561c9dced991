import { DeclarationError, sortProblems } from "../../config/declaration/problem";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadDeclaration, PLATFORM_FILE } from "../../config/declaration/load-declaration";
import { SourceDocument } from "../../config/declaration/source-document";
import { platformSchema, type PlatformDeclaration } from "../../config/schema/platform";

/**
 * The shape of a standalone department cluster, from the `ledger` section of `platform.yaml`
 * (every field optional there; the defaults are in the schema's descriptions and below).
 */
export type LedgerParameters = PlatformDeclaration["ledger"];

const ledgerSchema = platformSchema.shape.ledger;

/** The documented defaults: the values a platform.yaml without a `ledger` section gets. */
export const DEFAULT_LEDGER_PARAMETERS: LedgerParameters = ledgerSchema.parse(undefined);

/** Field name → its documentation in the schema, printed beside the value in the ledger. */
export const LEDGER_PARAMETER_DESCRIPTIONS: Readonly<Record<keyof LedgerParameters, string>> = Object.fromEntries(
  Object.entries(ledgerSchema.unwrap().shape).map(([name, field]) => [name, field.description ?? ""]),
) as Record<keyof LedgerParameters, string>;

/**
 * The ledger parameters of the declaration under `configDir`, defaults applied. The platform
 * model does not carry them (only reports read them), so they come from `platform.yaml`, read
 * alone: its callers have validated the declaration already, and reading every department file
 * and the lock again cost the audit seconds at province scale. Throws `DeclarationError`, with
 * every problem of the declaration, when `platform.yaml` does not load.
 */
export function readLedgerParameters(configDir: string): LedgerParameters {
  const path = join(configDir, PLATFORM_FILE);
  const document = existsSync(path) ? SourceDocument.read(path, path) : [];
  const parsed = Array.isArray(document) ? undefined : platformSchema.safeParse(document.data);
  if (parsed?.success) return parsed.data.ledger;
  const { declaration, problems, position } = loadDeclaration(configDir);
  if (!declaration) throw new DeclarationError(sortProblems(problems.map(position)));
  return declaration.platform.data.ledger;
}
