import { BINARY_UNITS as UNITS } from "../../config/model/quantity";

/**
 * Exact integers (millicores, bytes, fractions) into terminal text. The only place the ledger
 * rounds: cores to at most three decimals (a millicore), sizes to one decimal of a binary unit
 * unless a unit states them exactly, percentages to one decimal.
 */

/** `12`, `0.5`, `-104`. */
export function formatCores(millis: number): string {
  const sign = millis < 0 ? "-" : "";
  const abs = Math.abs(millis);
  const whole = Math.floor(abs / 1000);
  const rest = abs % 1000;
  return rest === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(rest).padStart(3, "0").replace(/0+$/, "")}`;
}


/**
 * `750Gi`, `1700Gi` (exact, as a quota is written), else the largest unit to one decimal:
 * `3.6Ti` for 3686.4Gi. Sizes under 1Ki are bytes.
 */
export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? "-" : "";
  const abs = Math.abs(bytes);
  if (abs === 0) return "0";
  for (const [unit, factor] of UNITS) {
    if (abs % factor === 0 && abs / factor < 10_000) return `${sign}${abs / factor}${unit}`;
  }
  for (const [unit, factor] of UNITS) {
    if (abs >= factor) return `${sign}${(abs / factor).toFixed(1).replace(/\.0$/, "")}${unit}`;
  }
  return `${sign}${abs}`;
}

/** `55.6%` for 0.5555…. */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

