import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { synthesizePlatform } from "../../artifact/synthesize-platform";
import { readArtifact } from "../../audit/export";
import { runAudit } from "../../audit/run-audit";
import { formatProblem } from "../../config/declaration/problem";
import { readPlatform } from "../../config/read-platform";
import { PROJECT_ROOT } from "../artifact/example-project";
import { BASE, materialize, TODAY } from "../config/declaration-fixtures";

/**
 * Files no honest department writes, and some it does: each is refused quickly with its exact
 * message (file, line, column, field), or, for free text, carried unchanged to where it belongs.
 */

/** Reads the base declaration with one file replaced by `content`; returns the lines and the time taken. */
function readWith(file: string, content: string | Buffer) {
  const project = materialize();
  try {
    writeFileSync(join(project, "config", file), content);
    const started = Date.now();
    const { model, problems } = readPlatform(join(project, "config"), project, { today: TODAY });
    return { lines: problems.map(formatProblem), valid: model !== undefined, ms: Date.now() - started };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/** Reads the base declaration with one field of one file set to `value`. */
function readWithField(file: string, path: Array<string | number>, value: unknown) {
  const original = readFileSync(join(BASE, file), "utf8");
  const document = parseDocument(original);
  document.setIn(path, value);
  return readWith(file, document.toString());
}

const INSURANCE = "departments/insurance.yaml";
const DNS_LABEL = "must be a DNS label: lowercase letters, digits and '-', starting with a letter and not ending with '-'";

describe("resource exhaustion", () => {
  it("refuses a billion laughs alias bomb", () => {
    const levels = "abcdefghi".split("");
    const bomb = [`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`, ...levels.slice(1).map((l, i) => `${l}: &${l} [${Array(9).fill(`*${levels[i]}`).join(",")}]`)].join("\n");
    const { lines, valid, ms } = readWith(INSURANCE, `${bomb}\n`);
    expect(lines).toEqual([
      "config/departments/insurance.yaml:1:1 (document): refused: Excessive alias count indicates a resource exhaustion attack (at most 100 alias expansions)",
    ]);
    expect(valid).toBe(false);
    expect(ms).toBeLessThan(3000);
  });

  it("refuses a 10 MB file before reading it", () => {
    const { lines, ms } = readWith(INSURANCE, `# ${"x".repeat(10 * 1024 * 1024 - 3)}\n`);
    expect(lines).toEqual(["config/departments/insurance.yaml:1:1 (document): file is 10485760 bytes; a declaration may be at most 1048576 bytes (1 MiB)"]);
    expect(ms).toBeLessThan(3000);
  });

  // Before: 10,000 `[` gave 784 copies of "invalid YAML: Flow sequence in block collection must be
  // sufficiently indented and end with a ]", closed ones "invalid YAML: Maximum call stack size exceeded".
  it.each([
    ["10,000 nested [", "[".repeat(10_000), "1:65"],
    ["10,000 nested and closed [ ]", `${"[".repeat(10_000)}${"]".repeat(10_000)}`, "1:65"],
    ["10,000 nested {", "{".repeat(10_000), "1:65"],
    ["10,000 nested and closed { a: }", `${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}`, "1:257"],
    ["10,000 nested - on one line", `${"- ".repeat(10_000)}x\n`, "1:129"],
    ["1,000 mappings nested by indentation", `${Array.from({ length: 1000 }, (_, i) => `${" ".repeat(i)}a:`).join("\n")} 1\n`, "65:65"],
  ])("refuses %s quickly, at the level that is too deep", (_, content, at) => {
    const { lines, valid, ms } = readWith(INSURANCE, content);
    expect(lines).toEqual([`config/departments/insurance.yaml:${at} (document): refused: lists and mappings nested more than 64 levels deep`]);
    expect(valid).toBe(false);
    expect(ms).toBeLessThan(3000);
  });

  it("accepts 64 levels of nesting, and reports the schema problems instead", () => {
    const { lines } = readWith(INSURANCE, `${"[".repeat(64)}${"]".repeat(64)}\n`);
    expect(lines).toEqual(["config/departments/insurance.yaml:1:1 (document): must be a mapping of fields; got a list"]);
  });

  it("through the CLI: a deep document exits 1 with the one message, no stack trace, nothing written", () => {
    const project = materialize();
    try {
      writeFileSync(join(project, "config", INSURANCE), "[".repeat(10_000));
      const run = spawnSync(process.execPath, [join(PROJECT_ROOT, "cli", "govcloud.js"), "synth", "--today", TODAY], { cwd: project, encoding: "utf8" });
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
        status: 1,
        stdout: "",
        stderr: "config/departments/insurance.yaml:1:65 (document): refused: lists and mappings nested more than 64 levels deep\n\n1 error(s), 0 warning(s); nothing was written.\n",
      });
      expect(readdirSync(project).sort()).toEqual(["config"]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 30_000);
});

describe("files of the wrong shape", () => {
  it("refuses bytes that are not UTF-8, at the first bad byte", () => {
    const bytes = Buffer.concat([Buffer.from("name: insurance\ndisplayName: "), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from("\n")]);
    expect(readWith(INSURANCE, bytes).lines).toEqual(["config/departments/insurance.yaml:2:14 (document): file is not valid UTF-8; save it as UTF-8"]);
  });

  it("refuses a list instead of a mapping", () => {
    expect(readWith(INSURANCE, "- name: insurance\n- displayName: 测试省医疗保障局\n").lines).toEqual([
      "config/departments/insurance.yaml:1:1 (document): must be a mapping of fields; got a list",
    ]);
  });

  it.each([
    ["an empty file", ""],
    ["a file with only comments", "# 待填写\n# to be written\n"],
  ])("refuses %s, naming every required field", (_, content) => {
    expect(readWith(INSURANCE, content).lines).toEqual([
      "config/departments/insurance.yaml:1:1 name: is required",
      "config/departments/insurance.yaml:1:1 displayName: is required",
      "config/departments/insurance.yaml:1:1 owners: is required",
      "config/departments/insurance.yaml:1:1 environments: is required",
    ]);
  });

  it("accepts a UTF-8 byte order mark", () => {
    const project = materialize();
    const withBom = (file: string) => `\uFEFF${readFileSync(join(project, "config", file), "utf8")}`;
    try {
      expect(readWith("platform.yaml", withBom("platform.yaml"))).toMatchObject({ lines: [], valid: true });
      expect(readWith(INSURANCE, withBom(INSURANCE))).toMatchObject({ lines: [], valid: true });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe("names that try to escape", () => {
  it.each([
    ["a path in the department name", ["name"], "../etc", `config/departments/insurance.yaml:1:1 name: ${DNS_LABEL}; got "../etc"`],
    ["a path in a service name", ["environments", 0, "services", 0, "name"], "../etc", `config/departments/insurance.yaml:10:9 environments[0].services[0].name: ${DNS_LABEL}; got "../etc"`],
    ["a shell command in the department name", ["name"], "$(rm -rf /)", `config/departments/insurance.yaml:1:1 name: ${DNS_LABEL}; got "$(rm -rf /)"`],
    ["a command separator in a service name", ["environments", 0, "services", 0, "name"], "a;b", `config/departments/insurance.yaml:10:9 environments[0].services[0].name: ${DNS_LABEL}; got "a;b"`],
    ["a newline in an environment name", ["environments", 0, "name"], "x\ny", `config/departments/insurance.yaml:6:5 environments[0].name: ${DNS_LABEL}; got "x\\ny"`],
    ["a label in a data class", ["environments", 0, "services", 0, "dataClass"], "app.kubernetes.io/name=evil", `config/departments/insurance.yaml:16:9 environments[0].services[0].dataClass: ${DNS_LABEL}; got "app.kubernetes.io/name=evil"`],
    ["a label in a group name", ["owners", "admins", 0], "app.kubernetes.io/name=evil", `config/departments/insurance.yaml:4:13 owners.admins[0]: must be a group name: letters, digits and - _ . : @ /, at most 128 characters; got "app.kubernetes.io/name=evil"`],
    ["a name of 64 characters", ["name"], "a".repeat(64), `config/departments/insurance.yaml:1:1 name: must be at most 63 characters (a DNS label); got "${"a".repeat(64)}"`],
    ["a display name of 201 characters", ["displayName"], "长".repeat(201), `config/departments/insurance.yaml:2:1 displayName: must be at most 200 characters; got "${"长".repeat(201)}"`],
  ])("refuses %s", (_, path, value, expected) => {
    const { lines, valid } = readWithField(INSURANCE, path as Array<string | number>, value);
    expect(lines).toEqual([expected]);
    expect(valid).toBe(false);
  });

  it("refuses a label value with '=' on the platform's selectors", () => {
    expect(readWithField("platform.yaml", ["network", "gateway", "ingressController", "podLabels", "app.kubernetes.io/name"], "x=evil").lines).toEqual([
      `config/platform.yaml:53:20 network.gateway.ingressController.podLabels["app.kubernetes.io/name"]: must be a Kubernetes label value (at most 63 letters, digits, '-', '_' or '.'); got "x=evil"`,
    ]);
  });

  // Before: accepted at level 1 and 2 and written into the container spec as given.
  it.each([
    ["a shell command", "harbor.example.gov.cn/health/$(rm -rf /):1.0"],
    ["a newline", "harbor.example.gov.cn/health/x\ny:1.0"],
    ["a space", "harbor.example.gov.cn/health/portal 2:1.0"],
  ])("refuses an image reference with %s", (_, image) => {
    const { lines, valid } = readWithField("departments/health.yaml", ["environments", 0, "services", 0, "image"], image);
    expect(lines).toEqual([
      `config/departments/health.yaml:13:9 environments[0].services[0].image: image ${JSON.stringify(image)} of service "portal" is not an image reference: registry/path:tag or registry/path:tag@sha256:<digest>, the path in lower case`,
    ]);
    expect(valid).toBe(false);
  });

  // Before: accepted, and copied onto every NetworkPolicy of the agreement, beyond the 256 KiB Kubernetes allows for annotations.
  it("refuses an approval reference longer than 100 characters", () => {
    const { lines } = readWithField("departments/health.yaml", ["sharing", "offers", 0, "approval"], "A".repeat(300_000));
    expect(lines).toEqual([
      `config/departments/health.yaml:62:7 sharing.offers[0].approval: must be at most 100 characters (an approval reference, kept on every policy of the agreement); got "${"A".repeat(100)}"... (300000 characters)`,
    ]);
  });
});

describe("free text", () => {
  // Chinese (and shell characters) in every free-text field: kept unchanged in annotations and reports, never in a label.
  const texts = {
    platformName: "测试省政务云（第二期）",
    operator: "测试省大数据管理局",
    clusterName: "主集群：杭州",
    network: "互联网出口",
    health: "测试省卫生健康委员会 $(rm -rf /); echo \"x\"\n第二行",
    insurance: "测试省医疗保障局",
    offerPurpose: "诊疗记录共享，仅用于医保结算审核；禁止二次分发",
    consumerPurpose: "医保结算审核时调阅就诊记录",
    approval: "卫健委〔2026〕12号",
    reason: "数据库主备实例暂部署于同一机房，二期迁移",
    approver: "测试省大数据管理局网络安全处 张三",
  };
  const project = materialize();
  const config = join(project, "config");
  const edit = (file: string, change: (d: ReturnType<typeof parseDocument>) => void) => {
    const document = parseDocument(readFileSync(join(config, file), "utf8"));
    change(document);
    writeFileSync(join(config, file), document.toString());
  };
  edit("platform.yaml", (d) => {
    d.setIn(["platform", "displayName"], texts.platformName);
    d.setIn(["platform", "operator"], texts.operator);
    d.setIn(["clusters", 0, "displayName"], texts.clusterName);
    d.setIn(["network", "externalNetworks", 0, "displayName"], texts.network);
  });
  edit("departments/health.yaml", (d) => {
    d.setIn(["displayName"], texts.health);
    d.setIn(["sharing", "offers", 0, "purpose"], texts.offerPurpose);
    d.setIn(["sharing", "offers", 0, "approval"], texts.approval);
  });
  edit("departments/insurance.yaml", (d) => {
    d.setIn(["displayName"], texts.insurance);
    d.setIn(["sharing", "consumes", 0, "purpose"], texts.consumerPurpose);
  });
  edit("waivers.yaml", (d) => {
    d.setIn(["waivers", 0, "reason"], texts.reason);
    d.setIn(["waivers", 0, "approver"], texts.approver);
  });
  const { model, problems } = readPlatform(config, project, { today: TODAY });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("is valid in every free-text field", () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  describe("in the artifact", () => {
    const outdir = join(project, "cdktf.out");
    synthesizePlatform(model!, { outdir, projectRoot: project, configDir: config });
    const objects = readArtifact(outdir).flatMap((s) => s.resources.map((r) => r.object));

    it("keeps the display names unchanged in the namespace annotations", () => {
      const displayNames = (department: string) =>
        objects.filter((o) => o.kind === "Namespace" && o.metadata.labels?.["govcloud/department"] === department).map((o) => o.metadata.annotations?.["govcloud/display-name"]);
      expect(displayNames("health")).toEqual([texts.health, texts.health]);
      expect(displayNames("insurance")).toEqual([texts.insurance]);
    });

    it("keeps the purpose and approval unchanged in the sharing policies' annotations", () => {
      const sharing = objects.filter((o) => o.kind === "NetworkPolicy" && o.metadata.labels?.["govcloud/flow"] === "sharing");
      expect(sharing.map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort()).toEqual([
        "health-prod/share-insurance-prod-claims-api-to-records-api-ingress",
        "insurance-prod/share-claims-api-to-health-prod-records-api-egress",
      ]);
      for (const policy of sharing) {
        expect(policy.metadata.annotations?.["govcloud/purpose"]).toBe(
          `Data sharing ${texts.approval}: insurance/prod/claims-api uses health/prod/records-api (${texts.offerPurpose})`,
        );
        expect(policy.metadata.annotations?.["govcloud/approval"]).toBe(texts.approval);
      }
    });

    it("puts no free text into any label", () => {
      const labelValues = objects.flatMap((o) => Object.values(o.metadata.labels ?? {}));
      expect(labelValues.length).toBeGreaterThan(100);
      expect(labelValues.filter((v) => !/^[A-Za-z0-9._-]*$/.test(v))).toEqual([]);
    });

    it("keeps the waiver's reason and approver unchanged in the audit's report", () => {
      const { mlps } = runAudit(readArtifact(outdir), model!, TODAY);
      expect(mlps.waivers.map((w) => ({ reason: w.reason, approver: w.approver }))).toEqual([{ reason: texts.reason, approver: texts.approver }]);
    });
  });
});
