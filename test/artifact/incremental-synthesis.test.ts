import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { writeProvince } from "../../bench/generate-province";
import { synthesizeWithCache, SynthesisRefusedError } from "../../artifact/synthesize-platform";
import { rulePackGate } from "../../audit/mlps/synthesis-check";
import { formatProblem } from "../../config/declaration/problem";
import { readPlatform } from "../../config/read-platform";
import { readTree } from "./example-project";
import { departmentStackName } from "../../config/model/stack-names";

/**
 * The synthesis cache is only worth having if it can never be told apart from a cold synthesis.
 * Random edit sequences are applied to a generated province, the same edits to two copies; after
 * each edit one copy is synthesized with its cache and the other cold, and everything a user can
 * see must be equal: every byte of cdktf.out, the stateful lock, and the MLPS gate's verdict
 * (its errors, or its warnings). Edits that only touch one department must rebuild only that.
 */
const SEED = Number(process.env.INCREMENTAL_SEED ?? 20261201);
const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 2);
const TODAY = "2026-11-27";

type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Edit {
  readonly kind: (typeof EDIT_KINDS)[number];
  readonly pick: number;
}

const EDIT_KINDS = [
  "image",
  "replicas",
  "offer-purpose",
  "platform-log-port",
  "platform-registry",
  "platform-backup-image",
  "add-department",
  "retire-department",
  "drop-worker",
  "quota-pods",
  "nothing",
] as const;

/** What each kind of edit may rebuild at most, given the department it touched; undefined: anything. */
type Scope = { readonly departments: readonly string[] } | undefined;

/** Applies one edit to a declaration folder; returns the departments whose stacks alone may change, when that is known. */
function applyEdit(config: string, edit: Edit): Scope {
  const departments = readdirSync(join(config, "departments")).filter((f) => f.endsWith(".yaml")).sort();
  const file = departments[edit.pick % departments.length];
  const path = join(config, "departments", file);
  const department = parse(readFileSync(path, "utf8")) as Yaml;
  const write = (value: Yaml) => writeFileSync(path, stringify(value));
  const environment = department.environments[edit.pick % department.environments.length];
  const service = (name: string) => (environment.services as Yaml[]).find((s) => s.name === name);
  const platformPath = join(config, "platform.yaml");
  const platform = parse(readFileSync(platformPath, "utf8")) as Yaml;
  switch (edit.kind) {
    case "image": {
      const web = service("portal")!;
      web.image = web.image.replace(/:(\d+)\.(\d+)\.(\d+)/, (_: string, a: string, b: string, c: string) => `:${a}.${b}.${Number(c) + 1}`);
      write(department);
      return { departments: [department.name] };
    }
    case "replicas": {
      const worker = service("worker");
      if (worker) worker.replicas = (worker.replicas ?? 1) + 1;
      write(department);
      return { departments: [department.name] };
    }
    case "offer-purpose": {
      const offer = department.sharing?.offers?.[0];
      if (!offer) return { departments: [] };
      offer.purpose = `${offer.purpose}（第${edit.pick}次修订）`;
      write(department);
      const consumers = (offer.consumers as string[]).map((c) => c.split("/")[0]);
      return { departments: [department.name, ...consumers] };
    }
    case "platform-log-port":
      platform.network.management.logIntake.port += 1;
      writeFileSync(platformPath, stringify(platform));
      return undefined;
    case "platform-registry":
      platform.registries.push(`registry-${edit.pick % 7}.province.gov.cn`);
      writeFileSync(platformPath, stringify(platform));
      return undefined;
    case "platform-backup-image":
      platform.templateImages.backup = platform.templateImages.backup.replace(/@sha256:.{8}/, `@sha256:${(edit.pick % 1e8).toString(16).padStart(8, "0")}`);
      writeFileSync(platformPath, stringify(platform));
      return undefined;
    case "add-department": {
      const name = `dept-9${String(edit.pick % 100).padStart(2, "0")}`;
      if (existsSync(join(config, "departments", `${name}.yaml`))) return { departments: [] };
      const copy: Yaml = JSON.parse(JSON.stringify(department));
      copy.name = name;
      delete copy.sharing;
      for (const env of copy.environments) for (const s of env.services) s.image = s.image.replace(`/${department.name}/`, `/${name}/`);
      for (const group of ["admins", "developers", "viewers"]) copy.owners[group] = [`${name}-${group}`];
      writeFileSync(join(config, "departments", `${name}.yaml`), stringify(copy));
      return { departments: [name] };
    }
    case "retire-department":
      department.retired = true;
      write(department);
      return undefined;
    case "drop-worker":
      environment.services = (environment.services as Yaml[]).filter((s) => s.template !== "worker");
      write(department);
      return { departments: [department.name] };
    case "quota-pods":
      environment.quota.pods += 5;
      write(department);
      return { departments: [department.name] };
    case "nothing":
      return { departments: [] };
  }
}

interface Outcome {
  readonly verdict: string;
  readonly tree?: Map<string, string>;
  readonly lock?: string;
  readonly built?: readonly string[];
  readonly unparsed?: number;
}

/** Validates and synthesizes one project; what a user sees of it. */
function synthesize(project: string, cached: boolean): Outcome {
  const config = join(project, "config");
  const { model, problems } = readPlatform(config, project, { today: TODAY });
  if (!model) return { verdict: `invalid:\n${problems.map(formatProblem).join("\n")}` };
  const warnings: string[] = [];
  let result: { built: readonly string[]; unparsed: number };
  try {
    result = synthesizeWithCache(model, {
      outdir: join(project, "cdktf.out"),
      projectRoot: project,
      configDir: config,
      check: rulePackGate(model, TODAY, (w) => warnings.push(...w)),
      // The incremental synthesis gates on a helper thread, the cold one in this thread, as a
      // province and a small platform do: their verdicts must agree too.
      checkOnHelper: cached,
      cacheDir: cached ? join(project, ".govcloud-cache") : undefined,
    });
  } catch (e) {
    if (!(e instanceof SynthesisRefusedError)) throw e;
    return { verdict: `refused: ${e.message}` };
  }
  const tree = readTree(join(project, "cdktf.out"));
  return { verdict: `passed, warnings: ${warnings.join("\n")}`, tree, lock: readFileSync(join(config, "stateful.lock.json"), "utf8"), ...result };
}

describe("incremental synthesis (the stack cache)", () => {
  let province: string;
  beforeAll(() => {
    province = mkdtempSync(join(tmpdir(), "govcloud-province-"));
    writeProvince(join(province, "config"), { departments: 5, seed: 11 });
  });
  afterAll(() => rmSync(province, { recursive: true, force: true }));

  it("gives, after every edit of a random sequence, the same artifact, lock and gate verdict as a cold synthesis", () => {
    const edit = fc.record({ kind: fc.constantFrom(...EDIT_KINDS), pick: fc.nat({ max: 10_000 }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 3, maxLength: 4 }), (edits) => {
        const incremental = mkdtempSync(join(tmpdir(), "govcloud-incremental-"));
        const cold = mkdtempSync(join(tmpdir(), "govcloud-cold-"));
        try {
          cpSync(province, incremental, { recursive: true });
          cpSync(province, cold, { recursive: true });
          expect(synthesize(incremental, true).verdict).toBe(synthesize(cold, false).verdict);
          for (const step of edits) {
            const scope = applyEdit(join(incremental, "config"), step);
            applyEdit(join(cold, "config"), step);
            const fromCache = synthesize(incremental, true);
            const reference = synthesize(cold, false);
            expect({ step, verdict: fromCache.verdict }).toEqual({ step, verdict: reference.verdict });
            if (!reference.tree) continue;
            expect(fromCache.lock).toBe(reference.lock);
            expect(fromCache.tree).toEqual(reference.tree);
            // Byte-identical is not enough: a cache that never hits is identical too.
            if (scope) {
              const allowed = new Set(scope.departments.map(departmentStackName));
              expect({ step, rebuiltBeyondTheEdit: fromCache.built!.filter((s) => !allowed.has(s)) }).toEqual({ step, rebuiltBeyondTheEdit: [] });
              // Nor is reusing the stacks: those not rebuilt are not parsed again either.
              const stacks = [...fromCache.tree!.keys()].filter((path) => path.endsWith("/cdk.tf.json")).length;
              expect({ step, parsedBeyondTheRebuilt: stacks - fromCache.unparsed! <= fromCache.built!.length }).toEqual({ step, parsedBeyondTheRebuilt: true });
            }
          }
        } finally {
          rmSync(incremental, { recursive: true, force: true });
          rmSync(cold, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});
