import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEPARTMENTS_DIR, PLATFORM_FILE } from "../../config/declaration/load-declaration";
import { departmentTemplate } from "../../config/declaration/department-template";
import { dnsLabel } from "../../config/schema/common";
import { UsageError, type CommandContext } from "../command-context";
import { validateDeclaration } from "./validate";

/** `govcloud init department <name>`: a valid, commented request file to start from. */
export function runInit(context: CommandContext): number {
  const { args, options, io } = context;
  const [what, name] = args;
  if (what !== "department" || name === undefined || args.length !== 2) {
    throw new UsageError("init takes: init department <name>");
  }
  const checked = dnsLabel.safeParse(name);
  if (!checked.success) {
    io.err(`govcloud: department name "${name}" ${checked.error.issues[0].message}\n`);
    return 1;
  }
  if (!existsSync(join(options.config, PLATFORM_FILE))) {
    io.err(`govcloud: no platform declaration at ${join(options.config, PLATFORM_FILE)}; departments are added to an existing platform (--config)\n`);
    return 1;
  }
  const file = join(options.config, DEPARTMENTS_DIR, `${name}.yaml`);
  if (existsSync(file)) {
    io.err(`govcloud: ${file} already exists; edit it instead\n`);
    return 1;
  }
  // The template uses the platform's first allowed registry, so the image passes the allowlist.
  const model = validateDeclaration({ ...context, io: { out: () => {}, err: () => {} } });
  const registry = model?.registries[0] ?? "registry.example.gov.cn";
  mkdirSync(join(options.config, DEPARTMENTS_DIR), { recursive: true });
  writeFileSync(file, departmentTemplate(name, registry));
  io.out(`wrote ${file}\nNext: edit it, then run: npx govcloud validate\n`);
  return 0;
}
