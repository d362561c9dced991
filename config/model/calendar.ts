/** Calendar dates as the declaration writes them (`2027-06-30`), compared without time zones. */

export type IsoDate = string;

/** Today in UTC, the default for expiry checks; commands accept `--today` so runs are reproducible. */
export function todayUtc(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Agreements and waivers this close to their end are reported, so renewals start in time. */
export const EXPIRY_WARNING_DAYS = 30;

export type ExpiryStatus = "active" | "expiring" | "expired";

/** `expires` is the last valid day: an agreement expiring today still holds today. */
export function expiryStatus(expires: IsoDate, today: IsoDate): ExpiryStatus {
  const left = daysBetween(today, expires);
  if (left < 0) return "expired";
  return left <= EXPIRY_WARNING_DAYS ? "expiring" : "active";
}
