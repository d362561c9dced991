import { parseArgs } from "node:util";
import type { CommandContext } from "./command-context";
import { UsageError } from "./usage-error";
import { isoDate } from "../config/schema/common";
import { didYouMean } from "../config/declaration/did-you-mean";
import { commandHelp, commandSpec, COMMANDS, globalHelp, OPTIONS, type CommandSpec } from "./command-specs";

/** The `govcloud` command line. Returns the exit code: 0 success, 1 problems found, 2 usage error. */
export async function main(argv: string[], io: CommandContext["io"] = defaultIo()): Promise<number> {
  // Parsed leniently, then checked against the command's own table, so a mistake is one line
  // that names the command and suggests the fix, rather than the parser's generic wording.
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      config: { type: "string", default: "config" },
      out: { type: "string", default: "cdktf.out" },
      department: { type: "string", multiple: true },
      summary: { type: "boolean", default: false },
      "no-cache": { type: "boolean", default: false },
      progress: { type: "boolean", default: false },
      workers: { type: "string" },
      live: { type: "string" },
      format: { type: "string", default: "txt" },
      today: { type: "string" },
      to: { type: "string" },
      report: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    tokens: true,
  });
  const usage = (message: string, command?: CommandSpec) => {
    io.err(`govcloud${command ? ` ${command.name}` : ""}: ${message}; see govcloud ${command ? `${command.name} ` : ""}--help\n`);
    return 2;
  };
  const [name, ...rest] = parsed.positionals;
  if (name === "help") {
    const about = rest[0] === undefined ? undefined : commandSpec(rest[0]);
    if (rest[0] !== undefined && !about) return usage(unknownCommand(rest[0]));
    io.out(about ? commandHelp(about) : globalHelp());
    return 0;
  }
  const command = name === undefined ? undefined : commandSpec(name);
  if (name !== undefined && !command) return usage(unknownCommand(name));
  const options = (parsed.tokens ?? []).flatMap((t) => (t.kind === "option" ? [t] : []));
  if (options.some((o) => o.name === "help" || o.name === "h")) {
    io.out(command ? commandHelp(command) : globalHelp());
    return 0;
  }
  if (!command) {
    io.err(`govcloud: no command given\n\n${globalHelp()}`);
    return 2;
  }
  for (const option of options) {
    const spec = OPTIONS.find((o) => o.name === option.name);
    const written = option.rawName;
    if (!spec || !command.options.includes(option.name)) {
      const suggestion = didYouMean(option.name, command.options);
      const takes = command.options.length > 0 ? `it takes ${command.options.map((o) => `--${o}`).join(", ")}` : "it takes no options";
      const what = spec ? `${command.name} does not take ${written}` : `unknown option ${written}`;
      return usage(`${what}${suggestion.replace(/"([^"]+)"/, "--$1")}; ${takes}`, command);
    }
    if (spec.value && option.value === undefined) return usage(`${written} needs a value (${written} ${spec.value})`, command);
    if (!spec.value && option.value !== undefined) return usage(`${written} is a switch and takes no value; got "${option.value}"`, command);
  }
  const counts = command.argumentCounts;
  if (rest.length < command.minArguments || rest.length > command.maxArguments || (counts && !counts.includes(rest.length))) {
    const expected = command.arguments ? `takes ${command.arguments}${counts ? ` (${counts.join(" or ")} arguments)` : ""}` : "takes no arguments";
    const extra = rest.length > command.maxArguments ? `; unexpected ${rest.slice(command.maxArguments).map((a) => JSON.stringify(a)).join(" ")}` : "";
    return usage(`${expected}${extra}`, command);
  }
  const previewOnly = rest.length > 0 ? options.find((o) => command.optionsWithoutArguments?.includes(o.name)) : undefined;
  if (previewOnly) return usage(`${previewOnly.rawName} is for ${command.name} without arguments; ${command.name} ${command.arguments.replace(/^\[|\]$/g, "")} takes no options`, command);
  const values = parsed.values as CommandContext["options"];
  if (values.today !== undefined && !isoDate.safeParse(values.today).success) {
    return usage(`--today must be a date written YYYY-MM-DD; got "${values.today}"`, command);
  }
  if (command.formats && !command.formats.includes(values.format)) {
    return usage(`--format must be one of ${command.formats.join(", ")}; got "${values.format}"`, command);
  }
  const context: CommandContext = { args: rest, options: values, io };
  try {
    // Each command's module is loaded when that command runs: most of them load cdktf and the
    // provider bindings (over a second), which help, usage errors and `validate` never need.
    switch (command.name) {
      case "validate":
        return (require("./commands/validate") as typeof import("./commands/validate")).runValidate(context);
      case "synth":
        return (require("./commands/synth") as typeof import("./commands/synth")).runSynth(context);
      case "schema":
        return (require("./commands/schema") as typeof import("./commands/schema")).runSchema(context);
      case "init":
        return (require("./commands/init") as typeof import("./commands/init")).runInit(context);
      case "connectivity":
        return (require("./commands/connectivity") as typeof import("./commands/connectivity")).runConnectivity(context);
      case "export":
        return (require("./commands/export") as typeof import("./commands/export")).runExport(context);
      case "audit":
        return (require("./commands/audit") as typeof import("./commands/audit")).runAuditCommand(context);
      case "ledger":
        return (require("./commands/ledger") as typeof import("./commands/ledger")).runLedger(context);
      case "diff":
        return (require("./commands/diff") as typeof import("./commands/diff")).runDiff(context);
      case "secrets":
        return (require("./commands/secrets") as typeof import("./commands/secrets")).runSecrets(context);
      case "preflight":
        return (require("./commands/preflight") as typeof import("./commands/preflight")).runPreflight(context);
      default:
        throw new UsageError(unknownCommand(command.name));
    }
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message, command);
    throw e;
  }
}

function unknownCommand(name: string): string {
  return `unknown command "${name}"${didYouMean(name, COMMANDS.map((c) => c.name))}; commands: ${COMMANDS.map((c) => c.name).join(", ")}`;
}

function defaultIo(): CommandContext["io"] {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTerminal: process.stderr.isTTY === true,
  };
}
