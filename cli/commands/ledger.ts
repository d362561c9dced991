import { resolve } from "node:path";
import { readArtifact } from "../../audit/export";
import { computeLedger, formatLedger, readLedgerParameters } from "../../evidence/ledger";
import { withArtifact, type CommandContext } from "../command-context";
import { validateDeclaration } from "./validate";

/** `govcloud ledger`: capacity against allocation, showback, infrastructure avoided, localization. */
export function runLedger(context: CommandContext): number {
  const { options, io } = context;
  const model = validateDeclaration(context);
  if (!model) return 1;
  return withArtifact(io, () => {
    const ledger = computeLedger(model, readArtifact(resolve(options.out)), readLedgerParameters(resolve(options.config)));
    io.out(`${formatLedger(ledger)}\n`);
    return 0;
  });
}
