/**
 * What each `govcloud` command takes: its arguments, its options and an example. One table
 * drives `govcloud <command> --help`, the refusal of options a command does not read, and the
 * count of arguments, so help and behaviour cannot drift apart.
 */
export interface OptionSpec {
  readonly name: string;
  /** `DIR`, `NAME`, … for options with a value; absent for switches. */
  readonly value?: string;
  readonly description: string;
}

export interface CommandSpec {
  readonly name: string;
  /** The arguments after the command name, as the usage line shows them. */
  readonly arguments: string;
  readonly minArguments: number;
  readonly maxArguments: number;
  /** When only some counts between the two are meaningful (diff: none, or OLD and NEW). */
  readonly argumentCounts?: readonly number[];
  /** Options that only the form without arguments takes (diff OLD NEW compares two outputs and reads no declaration). */
  readonly optionsWithoutArguments?: readonly string[];
  readonly summary: string;
  readonly options: readonly string[];
  /** The values `--format` takes, the default (txt) first: the help lists them and any other is refused. */
  readonly formats?: readonly string[];
  readonly examples: readonly string[];
}

export const OPTIONS: readonly OptionSpec[] = [
  { name: "config", value: "DIR", description: "the declaration folder (default: config)" },
  { name: "out", value: "DIR", description: "the synthesis output folder (default: cdktf.out)" },
  { name: "department", value: "NAME", description: "re-synthesize this department's stack only (repeatable)" },
  { name: "summary", description: "print departments, environments and resources per stack" },
  { name: "no-cache", description: "build every stack (a cold synthesis), neither reading nor writing the cache" },
  { name: "workers", value: "N", description: "build stacks on N worker threads (default: one per core when there are enough stacks; 1: in this process)" },
  { name: "progress", description: "show progress even when stderr is not a terminal (CI logs)" },
  { name: "live", value: "SNAPSHOT_DIR", description: "audit what runs, from a read-only snapshot (one folder per cluster), with drift against cdktf.out" },
  { name: "today", value: "YYYY-MM-DD", description: "the date expiry checks use (default: today, UTC)" },
  { name: "report", value: "DIR", description: "where the evidence pack is written (default: audit-report)" },
  { name: "to", value: "DIR", description: "where the manifests are written (default: manifests)" },
  // The values are each command's own (CommandSpec.formats).
  { name: "format", value: "FORMAT", description: "the output format (default: txt)" },
  { name: "help", description: "this command's help" },
];

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "validate",
    arguments: "",
    minArguments: 0,
    maxArguments: 0,
    summary: "check the declaration; print every problem as file:line:col field: message",
    options: ["config", "today"],
    examples: ["govcloud validate", "govcloud validate --config ../province/config --today 2027-01-01"],
  },
  {
    name: "synth",
    arguments: "",
    minArguments: 0,
    maxArguments: 0,
    summary: "validate, then synthesize Terraform stacks into cdktf.out (replaced only on success); stacks whose inputs and code did not change are reused from .govcloud-cache/",
    options: ["config", "out", "department", "summary", "today", "no-cache", "workers", "progress"],
    examples: ["govcloud synth --summary", "govcloud synth --department health"],
  },
  {
    name: "schema",
    arguments: "",
    minArguments: 0,
    maxArguments: 0,
    summary: "write JSON Schemas for editors into <config>/json-schema",
    options: ["config"],
    examples: ["govcloud schema"],
  },
  {
    name: "init",
    arguments: "department NAME",
    minArguments: 2,
    maxArguments: 2,
    summary: "write a commented, valid request file config/departments/NAME.yaml",
    options: ["config"],
    examples: ["govcloud init department water"],
  },
  {
    name: "audit",
    arguments: "",
    minArguments: 0,
    maxArguments: 0,
    summary:
      "prove from cdktf.out what the platform allows (schemas, connectivity, RBAC, tenancy, the MLPS rule pack) and write the evidence pack report.{html,md,json}; exit 1 when any check fails",
    options: ["config", "out", "report", "today", "live", "progress"],
    examples: ["govcloud audit", "govcloud audit --report evidence/2027-q1", "govcloud audit --live snapshots/2027-01-15"],
  },
  {
    name: "ledger",
    arguments: "",
    minArguments: 0,
    maxArguments: 0,
    summary: "capacity against quotas, showback per department, infrastructure avoided, localization",
    options: ["config", "out", "today"],
    examples: ["govcloud ledger"],
  },
  {
    name: "secrets",
    arguments: "",
    minArguments: 0,
    maxArguments: 0,
    summary:
      "list every Secret the synthesized workloads read, per cluster and namespace: keys, readers, and whether the secret store, cert-manager or you (before the first apply) provide it; exit 1 when nothing provides one",
    options: ["out", "format"],
    formats: ["txt", "json"],
    examples: ["govcloud secrets", "govcloud secrets --format json > secrets.json"],
  },
  {
    name: "preflight",
    arguments: "",
    minArguments: 0,
    maxArguments: 0,
    summary:
      "print per cluster what must exist before the first apply (Kubernetes release, ingress class, node labels and taints, CRDs, Secrets, kubeconfig, state backend), from the declaration and cdktf.out; exit 1 when something checkable here is missing",
    options: ["config", "out", "today", "format"],
    formats: ["txt", "json"],
    examples: ["govcloud preflight", "govcloud preflight --format json"],
  },
  {
    name: "diff",
    arguments: "[OLD NEW]",
    minArguments: 0,
    maxArguments: 2,
    argumentCounts: [0, 2],
    optionsWithoutArguments: ["config", "out", "today"],
    summary:
      "without arguments, the plan preview: what Terraform will do to each stack if the declaration is synthesized now, against the record of applied state (exit 1 when it would lose data); with OLD NEW, what changes between two synthesized outputs, per department and zone (for approvals)",
    options: ["config", "out", "today"],
    examples: ["govcloud diff", "govcloud diff ../main/cdktf.out cdktf.out"],
  },
  {
    name: "export",
    arguments: "",
    minArguments: 0,
    maxArguments: 0,
    summary: "write the synthesized stacks as plain Kubernetes manifests, one folder per cluster",
    options: ["out", "to"],
    examples: ["govcloud export --to manifests"],
  },
  {
    name: "connectivity",
    arguments: "DIR",
    minArguments: 1,
    maxArguments: 1,
    summary: "list the connections NetworkPolicies allow between the workloads in DIR's manifests; on a folder that export wrote, each cluster folder on its own, headed by its name",
    options: ["format"],
    formats: ["txt", "json", "csv", "md"],
    examples: ["govcloud connectivity manifests --format md"],
  },
];

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function optionLine(name: string, command: CommandSpec): string {
  const option = OPTIONS.find((o) => o.name === name)!;
  const value = name === "format" && command.formats ? command.formats.join("|") : option.value;
  const left = `  --${option.name}${value ? ` ${value}` : ""}`;
  return `${left.padEnd(31)}${option.description}`;
}

function usageLine(command: CommandSpec): string {
  return `govcloud ${command.name}${command.arguments ? ` ${command.arguments}` : ""}${command.options.length > 0 ? " [options]" : ""}`;
}

/** `govcloud synth --help`: what the command does, its options and examples. */
export function commandHelp(command: CommandSpec): string {
  const options = [...command.options, "help"].map((name) => optionLine(name, command));
  return [
    `usage: ${usageLine(command)}`,
    "",
    command.summary,
    "",
    "options:",
    ...options,
    "",
    "examples:",
    ...command.examples.map((e) => `  ${e}`),
    "",
  ].join("\n");
}

/** `govcloud --help`: every command in one line, and where to read more. */
export function globalHelp(): string {
  return [
    "usage: govcloud <command> [options]",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${`${c.name}${c.arguments ? ` ${c.arguments}` : ""}`.padEnd(29)}${c.summary}`),
    "",
    "options: govcloud <command> --help lists a command's options, with examples",
    "  -h, --help                   this text",
    "",
  ].join("\n");
}
