import type { EvidencePack } from "../evidence-pack";
import type { ReportDocument } from "./report-document";
import { auditSummarySection } from "./sections/audit-summary-section";
import { dataClassificationSection } from "./sections/data-classification-section";
import { dataSharingSection } from "./sections/data-sharing-section";
import { departmentInventorySection } from "./sections/department-inventory-section";
import { flowMatrixSection } from "./sections/flow-matrix-section";
import { ledgerSection } from "./sections/ledger-section";
import { mlpsControlsSection } from "./sections/mlps-controls-section";
import { overviewSection } from "./sections/overview-section";
import { separationOfDutiesSection } from "./sections/separation-of-duties-section";
import { tenantIsolationSection } from "./sections/tenant-isolation-section";
import { waiversSection } from "./sections/waivers-section";
import { zoneDiagramSection } from "./sections/zone-diagram-section";

/**
 * pack → document: every section in the order auditors read them. No computation happens
 * here beyond counting and labelling; the pack already holds every fact.
 */
export function buildReportDocument(pack: EvidencePack): ReportDocument {
  const passed = pack.audit.passed && pack.controls.passed;
  return {
    title: `${pack.overview.displayName} 等保测评证据包`,
    subtitle: `Evidence pack: ${pack.overview.name}, ${pack.overview.operator}`,
    stamp: [
      { label: "提交 commit", value: pack.stamp.commit },
      { label: "声明哈希 declaration sha256", value: pack.stamp.declarationHash },
      { label: "日期 date", value: pack.stamp.date },
    ],
    verdict: passed
      ? { text: "审计与等保规则包均通过 Audit and MLPS rule pack pass", tone: "ok" }
      : { text: `未通过 FAILS: ${[pack.audit.passed ? "" : "audit", pack.controls.passed ? "" : "MLPS rule pack"].filter(Boolean).join(", ")}`, tone: "bad" },
    sections: [
      overviewSection(pack),
      zoneDiagramSection(pack),
      flowMatrixSection(pack),
      mlpsControlsSection(pack),
      separationOfDutiesSection(pack),
      tenantIsolationSection(pack),
      waiversSection(pack),
      dataClassificationSection(pack),
      dataSharingSection(pack),
      departmentInventorySection(pack),
      ledgerSection(pack),
      auditSummarySection(pack),
    ],
  };
}
