import { problemsAfter, type Edit } from "./declaration-fixtures";

/**
 * The data catalogue (政务数据目录) and its share attributes, each as a small edit of the valid
 * base declaration (health offers prod/records-api, sensitive-personal data, to insurance), with
 * the exact message the user sees.
 */
const entry = (fields: Record<string, unknown>): Edit => (file) =>
  file("departments/health.yaml", (d) => {
    for (const [key, value] of Object.entries(fields)) d.setIn(["sharing", "offers", 0, "catalogue", key], value);
  });
const dropOfferFields = (...fields: string[]): Edit => (file) =>
  file("departments/health.yaml", (d) => fields.forEach((f) => d.deleteIn(["sharing", "offers", 0, f])));
const both = (...edits: Edit[]): Edit => (file) => edits.forEach((edit) => edit(file));
const consumptionSince = (since: string): Edit => (file) => file("departments/insurance.yaml", (d) => d.setIn(["sharing", "consumes", 0, "since"], since));

describe("share attributes", () => {
  it("unconditional: any consumer at the data's level uses it by declaring the consumption, from the day it registered", () => {
    const edit = both(entry({ share: "unconditional" }), dropOfferFields("consumers", "approval", "granted", "expires"), consumptionSince("2026-03-01"));
    expect(problemsAfter(edit)).toEqual({ valid: true, lines: [] });
  });

  it("unconditional: names no consumers, approval or end, which would be conditions", () => {
    expect(problemsAfter(entry({ share: "unconditional" })).lines).toEqual([
      "config/departments/health.yaml:59:7 sharing.offers[0].consumers: catalogue entry TEST-ML-001 is unconditional (无条件共享): every department whose environment meets the data's level may use it by declaring the consumption, without an agreement; remove consumers",
      "config/departments/health.yaml:62:7 sharing.offers[0].approval: catalogue entry TEST-ML-001 is unconditional (无条件共享): every department whose environment meets the data's level may use it by declaring the consumption, without an agreement; remove approval",
      "config/departments/health.yaml:63:7 sharing.offers[0].expires: catalogue entry TEST-ML-001 is unconditional (无条件共享): every department whose environment meets the data's level may use it by declaring the consumption, without an agreement; remove expires",
      "config/departments/health.yaml:64:7 sharing.offers[0].granted: catalogue entry TEST-ML-001 is unconditional (无条件共享): every department whose environment meets the data's level may use it by declaring the consumption, without an agreement; remove granted",
      // Its consumers now register their own use.
      'config/departments/insurance.yaml:31:7 sharing.consumes[0]: consumption of the unconditionally shared entry TEST-ML-001 "诊疗记录": give since, the day insurance registered its use (the sharing ledger\'s start)',
    ]);
  });

  it("unconditional: the consumer says since when, and its level must meet the data's", () => {
    const edit = both(entry({ share: "unconditional" }), dropOfferFields("consumers", "approval", "granted", "expires"), (file) =>
      file("departments/insurance.yaml", (d) => d.setIn(["environments", 0, "level"], 2)),
    );
    expect(problemsAfter(edit).lines).toEqual([
      "config/departments/insurance.yaml:7:5 environments[0].level: level 3 data 'personal' cannot live at level 2: service \"claims-api\" holds it; raise the environment to level 3 or reclassify the data",
      "config/departments/insurance.yaml:7:5 environments[0].level: level 3 data 'personal' cannot live at level 2: service \"db\" holds it; raise the environment to level 3 or reclassify the data",
      "config/departments/insurance.yaml:31:7 sharing.consumes[0]: consumer \"insurance/prod/claims-api\" runs at level 2, below level 3 that 'sensitive-personal' data of \"health/prod/records-api\" requires",
      "config/departments/insurance.yaml:31:7 sharing.consumes[0]: consumption of the unconditionally shared entry TEST-ML-001 \"诊疗记录\": give since, the day insurance registered its use (the sharing ledger's start)",
    ]);
  });

  it("not shared: every consumption is refused, quoting the legal basis", () => {
    const edit = both(entry({ share: "not-shared", legalBasis: "《中华人民共和国个人信息保护法》第三十四条" }), dropOfferFields("consumers", "approval", "granted", "expires", "purpose"));
    expect(problemsAfter(edit)).toEqual({
      valid: false,
      lines: [
        'config/departments/insurance.yaml:31:7 sharing.consumes[0]: health/prod/records-api is catalogued as not shared (不予共享): entry TEST-ML-001 "诊疗记录", on the basis of 《中华人民共和国个人信息保护法》第三十四条; remove this consumption',
      ],
    });
  });

  it("not shared and conditional: the attribute needs its legal basis", () => {
    const notShared = both(entry({ share: "not-shared" }), dropOfferFields("consumers", "approval", "granted", "expires", "purpose"), (file) =>
      file("departments/health.yaml", (d) => d.deleteIn(["sharing", "offers", 0, "catalogue", "legalBasis"])),
    );
    expect(problemsAfter(notShared).lines).toContain(
      "config/departments/health.yaml:59:7 sharing.offers[0].catalogue: catalogue entry TEST-ML-001 is not-shared (不予共享): give legalBasis, the law, regulation or policy the attribute rests on (依据)",
    );
    const conditional: Edit = (file) => file("departments/health.yaml", (d) => d.deleteIn(["sharing", "offers", 0, "catalogue", "legalBasis"]));
    expect(problemsAfter(conditional).lines).toEqual([
      "config/departments/health.yaml:65:7 sharing.offers[0].catalogue: catalogue entry TEST-ML-001 is conditional (有条件共享): give legalBasis, the law, regulation or policy the attribute rests on (依据)",
    ]);
  });

  it("conditional: an agreement has its consumers, approval, approval date and end", () => {
    expect(problemsAfter(dropOfferFields("granted")).lines).toEqual([
      "config/departments/health.yaml:58:7 sharing.offers[0]: catalogue entry TEST-ML-001 is conditional (有条件共享): give granted, the day the agreement was approved",
    ]);
  });
});

describe("the catalogue across departments", () => {
  it("never grades an entry below the data its service holds, which a consumer reaches whole", () => {
    expect(problemsAfter(entry({ dataClass: "general" })).lines).toEqual([
      "config/departments/health.yaml:71:11 sharing.offers[0].catalogue.dataClass: catalogue entry TEST-ML-001 declares 'general' data (level 2), but service \"prod/records-api\" holds 'sensitive-personal' data (level 3) and a consumer reaches all of the service: declare the entry 'sensitive-personal', or offer a service that holds only 'general' data",
    ]);
  });

  it("gives each resource one code and one source: data obtainable by sharing is not collected again", () => {
    const secondEntry = (catalogue: Record<string, unknown>): Edit => (file) =>
      file("departments/public-security.yaml", (d) =>
        d.set("sharing", d.createNode({ offers: [{ catalogue: { share: "unconditional", ...catalogue }, service: "prod/case-api", purpose: "案件协查" }] })),
      );
    expect(problemsAfter(secondEntry({ id: "TEST-ML-001", resource: "案件信息" })).lines).toEqual([
      "config/departments/public-security.yaml:21:9 sharing.offers[0].catalogue.id: catalogue code TEST-ML-001 is already used by health/prod/records-api (config/departments/health.yaml sharing.offers[0]); each data resource has its own code",
    ]);
    expect(problemsAfter(secondEntry({ id: "TEST-ML-002", resource: "诊疗记录" })).lines).toEqual([
      "config/departments/public-security.yaml:22:9 sharing.offers[0].catalogue.resource: data resource \"诊疗记录\" is already catalogued by health as TEST-ML-001: data obtainable by sharing is not collected again (consume TEST-ML-001 instead, or name what differs)",
    ]);
  });

  it("catalogues one resource per service: a connection reaches the whole service", () => {
    const edit: Edit = (file) =>
      file("departments/health.yaml", (d) =>
        d.addIn(["sharing", "offers"], d.createNode({ catalogue: { id: "TEST-ML-002", resource: "诊疗统计", share: "unconditional" }, service: "prod/records-api", purpose: "统计" })),
      );
    expect(problemsAfter(edit).lines).toEqual([
      "config/departments/health.yaml:67:9 sharing.offers[1].catalogue.id: service \"prod/records-api\" is already catalogued as entry TEST-ML-001 at sharing.offers[0]; a connection reaches the whole service, so one service serves one catalogue entry (give each resource its own service)",
    ]);
  });

  it("a service combining classes is held to the highest", () => {
    const edit: Edit = (file) => file("departments/insurance.yaml", (d) => d.setIn(["environments", 0, "services", 0, "dataClass"], d.createNode(["general", "important"])));
    const { lines, valid } = problemsAfter(edit);
    expect(valid).toBe(true);
    expect(lines).toEqual([]);
    const atLevel2: Edit = (file) => {
      edit(file);
      file("departments/insurance.yaml", (d) => d.setIn(["environments", 0, "level"], 2));
    };
    expect(problemsAfter(atLevel2).lines).toContain(
      "config/departments/insurance.yaml:7:5 environments[0].level: level 3 data 'important' (the highest of general, important) cannot live at level 2: service \"claims-api\" holds it; raise the environment to level 3 or reclassify the data",
    );
  });

  it("declares each consumption once", () => {
    const edit: Edit = (file) =>
      file("departments/insurance.yaml", (d) => d.addIn(["sharing", "consumes"], d.createNode({ provider: "health/prod/records-api", consumer: "prod/claims-api", purpose: "再次声明" })));
    expect(problemsAfter(edit).lines).toEqual([
      "config/departments/insurance.yaml:34:7 sharing.consumes[1]: prod/claims-api already consumes health/prod/records-api at sharing.consumes[0]; declare each consumption once",
    ]);
  });
});

describe("the scheduled apply", () => {
  it("refuses a schedule that never runs, which would leave every ended agreement open", () => {
    const edit: Edit = (file) => file("platform.yaml", (d) => d.set("operations", d.createNode({ applySchedule: "0 3 30 2 *" })));
    expect(problemsAfter(edit).lines).toEqual([
      'config/platform.yaml:103:3 operations.applySchedule: schedule "0 3 30 2 *" never runs on any day: expiry would never reach the clusters; choose days that exist (such as "0 3 * * *")',
    ]);
  });
});
