import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Terraform's own reading of synthesized stacks, for any test that has a `cdktf.out` (the
 * bundled example, the day-2 scenarios). `terraform init -backend=false` parses and decodes the
 * whole configuration (every block type and argument Terraform itself knows, `removed` and
 * `lifecycle` included, and `required_version`) before it asks a registry for the provider; on a
 * machine without a registry a sound stack fails only on that download.
 */

export interface TerraformCli {
  /** `terraform` or `tofu`, as found on PATH. */
  readonly binary: string;
  /** The first line of `<binary> version`, e.g. `Terraform v1.11.4`. */
  readonly version: string;
}

/** The first of `terraform` and `tofu` that runs, or undefined when neither is on PATH. */
export function findTerraformCli(): TerraformCli | undefined {
  for (const binary of ["terraform", "tofu"]) {
    const run = spawnSync(binary, ["version"], { encoding: "utf8", env: terraformEnvironment() });
    if (run.error === undefined && run.status === 0) return { binary, version: run.stdout.split("\n")[0].trim() };
  }
  return undefined;
}

export interface StackInitOutcome {
  readonly stack: string;
  /** The exit status of `init`: 0 where a registry was reachable and the provider installed. */
  readonly status: number | null;
  /** The summary line of every error, in order, e.g. `Failed to query available provider packages`. */
  readonly errors: readonly string[];
  /** Errors other than the provider download: what Terraform found wrong with the configuration. */
  readonly configurationErrors: readonly string[];
  /** Everything `init` printed, for the failure message. */
  readonly output: string;
}

// What `init` reports when the provider cannot be fetched: the registry is unreachable, or the
// download or its checksum failed. Any other error is about the configuration itself.
const DOWNLOAD_ERRORS = [
  "Failed to query available provider packages",
  "Failed to install provider",
  "Failed to resolve provider packages",
];

/**
 * Runs `init -backend=false` on a copy of one stack's configuration files (`*.tf.json`, and
 * `*.tofu.json` that OpenTofu reads), so the artifact gains no `.terraform/` folder.
 */
export function initStackWithoutBackend(cli: TerraformCli, stackDir: string, stack: string): StackInitOutcome {
  const work = mkdtempSync(join(tmpdir(), `govcloud-init-${stack}-`));
  try {
    for (const file of readdirSync(stackDir).filter((name) => name.endsWith(".tf.json") || name.endsWith(".tofu.json"))) {
      copyFileSync(join(stackDir, file), join(work, file));
    }
    const run = spawnSync(cli.binary, ["init", "-backend=false", "-input=false", "-no-color"], {
      cwd: work,
      encoding: "utf8",
      env: terraformEnvironment(),
      timeout: 120_000,
    });
    const output = `${run.stdout ?? ""}${run.stderr ?? ""}`;
    const errors = [...output.matchAll(/^(?:│ )?Error: (.+)$/gm)].map((match) => match[1].trim());
    return {
      stack,
      status: run.status,
      errors,
      configurationErrors: errors.filter((error) => !DOWNLOAD_ERRORS.includes(error)),
      output,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `initStackWithoutBackend` on every stack of a synthesized output, in name order. */
export function initEveryStack(cli: TerraformCli, outdir: string): StackInitOutcome[] {
  const stacks = join(outdir, "stacks");
  return readdirSync(stacks)
    .sort()
    .map((stack) => initStackWithoutBackend(cli, join(stacks, stack), stack));
}

/**
 * A stack Terraform accepted: no error but the provider download, and a failure only when
 * there was one (exit 0 means a registry was reachable and everything installed).
 */
export function parsedCleanly(outcome: StackInitOutcome): boolean {
  return outcome.configurationErrors.length === 0 && (outcome.status === 0 || outcome.errors.length > 0);
}

/** No telemetry call, no prompt, no plugin cache of the user's: the run reads only what it is given. */
function terraformEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" };
  delete env.TF_PLUGIN_CACHE_DIR;
  delete env.TF_CLI_ARGS;
  delete env.TF_CLI_ARGS_init;
  return env;
}
