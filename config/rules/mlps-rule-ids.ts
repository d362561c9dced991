/**
 * The ids of the MLPS rule pack (audit/mlps), which waivers name. The declaration is checked
 * before anything is synthesized, so it cannot ask the audit; a test keeps both lists equal.
 */
export const MLPS_RULE_IDS: readonly string[] = [
  "MLPS-NET-01",
  "MLPS-NET-02",
  "MLPS-NET-03",
  "MLPS-NET-04",
  "MLPS-NET-05",
  "MLPS-NET-06",
  "MLPS-CMP-01",
  "MLPS-CMP-02",
  "MLPS-CMP-03",
  "MLPS-CMP-04",
  "MLPS-CMP-05",
  "MLPS-CMP-06",
  "MLPS-PII-01",
  "MLPS-IMG-01",
  "MLPS-IMG-02",
  "MLPS-MGT-01",
  "MLPS-AUD-01",
  "MLPS-MGT-02",
  "MLPS-CLD-01",
  "MLPS-CLD-02",
  "MLPS-CLD-03",
  "MLPS-CPL-01",
  "MLPS-CPL-02",
  "MLPS-CPL-03",
  "MLPS-CPL-04",
];
