import { parseArgs } from "node:util";
import { runInit } from "./commands/init";
import { runSchema } from "./commands/schema";
import { runSynth } from "./commands/synth";
import { runValidate } from "./commands/validate";
import { runConnectivity } from "./commands/connectivity";
import { runExport } from "./commands/export";
import { runAuditCommand } from "./commands/audit";
import { runDiff } from "./commands/diff";
import { runLedger } from "./commands/ledger";
import { UsageError, type CommandContext } from "./command-context";
import { isoDate } from "../config/schema/common";

const USAGE = `usage: govcloud <command> [options]

commands:
  validate                     check the declaration; print every problem as file:line:col field: message
  synth [--department NAME]    validate, then synthesize Terraform stacks into cdktf.out (replaced only on success);
                               stacks whose inputs and code did not change are reused from .govcloud-cache/
  schema                       write JSON Schemas for editors into <config>/json-schema
  init department NAME         write a commented, valid request file config/departments/NAME.yaml
  audit [--report DIR]         prove from cdktf.out what the platform allows: schemas, connectivity, RBAC, tenancy,
                               the MLPS rule pack; writes the evidence pack DIR/report.{html,md,json}
                               (default audit-report/); exit 1 when any check fails
  audit --live SNAPSHOT_DIR    the same checks on what runs, from a read-only snapshot (one folder per cluster,
                               see the README), with drift against cdktf.out
  ledger                       capacity against quotas, showback per department, infrastructure avoided, localization
  diff OLD NEW                 what changes between two synthesized outputs, per department and zone (for approvals)
  export [--to DIR]             write the synthesized stacks as plain Kubernetes manifests (default: manifests/)
  connectivity DIR [--format txt|json|csv|md]
                               list the connections NetworkPolicies allow between the workloads in DIR's manifests;
                               on a folder that export wrote, each cluster folder on its own, headed by its name

options:
  --config DIR                 the declaration folder (default: config)
  --out DIR                    the synthesis output folder (default: cdktf.out)
  --summary                    with synth: print departments, environments and resources per stack
  --no-cache                   with synth: build every stack (a cold synthesis), neither reading nor writing the cache
  --workers N                  with synth: build stacks on N worker threads (default: one per core when there are
                               enough stacks; 1: in this process); the output is the same whatever N
  --progress                   with synth: show progress even when stderr is not a terminal (CI logs)
  --today YYYY-MM-DD           the date expiry checks use (default: today)
  -h, --help                   this text
`;

/** The options each command reads; any other is a mistake worth saying, not silently ignoring. */
const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  validate: ["config", "today"],
  synth: ["config", "out", "department", "summary", "today", "no-cache", "workers", "progress"],
  schema: ["config"],
  init: ["config"],
  audit: ["config", "out", "report", "today", "live"],
  ledger: ["config", "out", "today"],
  diff: [],
  export: ["out", "to"],
  connectivity: ["format"],
};

/** The `govcloud` command line. Returns the exit code: 0 success, 1 problems found, 2 usage error. */
export async function main(argv: string[], io: CommandContext["io"] = defaultIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: "string", default: "config" },
        out: { type: "string", default: "cdktf.out" },
        department: { type: "string", multiple: true },
        summary: { type: "boolean", default: false },
        "no-cache": { type: "boolean", default: false },
        progress: { type: "boolean", default: false },
        workers: { type: "string" },
        format: { type: "string", default: "txt" },
        today: { type: "string" },
        to: { type: "string" },
        report: { type: "string" },
        live: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      tokens: true,
    });
  } catch (e) {
    io.err(`govcloud: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === "help") {
    io.out(USAGE);
    return 0;
  }
  if (command === undefined) {
    io.err(`govcloud: no command given\n\n${USAGE}`);
    return 2;
  }
  const allowed = COMMAND_OPTIONS[command];
  const given = [...new Set((parsed.tokens ?? []).flatMap((t) => (t.kind === "option" ? [t.name] : [])))];
  const misplaced = allowed ? given.filter((name) => name !== "help" && !allowed.includes(name)) : [];
  if (misplaced.length > 0) {
    io.err(`govcloud: ${command} does not take ${misplaced.map((n) => `--${n}`).join(", ")}${allowed!.length > 0 ? ` (it takes ${allowed!.map((n) => `--${n}`).join(", ")})` : ""}\n`);
    return 2;
  }
  if (parsed.values.today !== undefined && !isoDate.safeParse(parsed.values.today).success) {
    io.err(`govcloud: --today must be a date written YYYY-MM-DD; got "${parsed.values.today}"\n`);
    return 2;
  }
  const context: CommandContext = { args: rest, options: parsed.values, io };
  try {
    switch (command) {
      case "validate":
        return runValidate(context);
      case "synth":
        return runSynth(context);
      case "schema":
        return runSchema(context);
      case "init":
        return runInit(context);
      case "connectivity":
        return runConnectivity(context);
      case "export":
        return runExport(context);
      case "audit":
        return runAuditCommand(context);
      case "ledger":
        return runLedger(context);
      case "diff":
        return runDiff(context);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`govcloud: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

function defaultIo(): CommandContext["io"] {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTerminal: process.stderr.isTTY === true,
  };
}
