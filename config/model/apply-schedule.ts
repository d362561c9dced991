import type { IsoDate } from "./calendar";

/**
 * The days on which the platform's scheduled synth-and-apply runs, from its cron schedule (the
 * same five fields and macros a CronJob takes, robfig/cron's semantics). Expiry is decided at
 * synthesis, so an agreement's policies stay applied until the first scheduled apply after it
 * ends: this is what tells how long that is. Only days matter here, not the hour.
 */
export interface ApplySchedule {
  readonly schedule: string;
  /** Whether the schedule runs on this day. */
  runsOn(day: IsoDate): boolean;
  /** The first day strictly after `day` it runs on; undefined when it never runs (30 February). */
  nextAfter(day: IsoDate): IsoDate | undefined;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const MACRO_DAYS: Record<string, string> = {
  "@yearly": "1 1 *",
  "@annually": "1 1 *",
  "@monthly": "1 * *",
  "@weekly": "* * 0",
  "@daily": "* * *",
  "@midnight": "* * *",
  "@hourly": "* * *",
};
/** Long enough for any day pattern to recur (leap years included). */
const SEARCH_DAYS = 366 * 8;

/** A schedule already accepted by the cron schema (config/schema/cron-schedule.ts). */
export function applySchedule(schedule: string): ApplySchedule {
  const text = schedule.trim();
  const [dayOfMonth, month, dayOfWeek] = (MACRO_DAYS[text] ?? text.split(/\s+/).slice(2).join(" ")).split(" ");
  const dom = field(dayOfMonth, 1, 31);
  const mon = field(month, 1, 12, MONTHS);
  const dow = field(dayOfWeek, 0, 7, WEEKDAYS);
  const runsOn = (day: IsoDate) => {
    const date = new Date(`${day}T00:00:00Z`);
    if (!mon.values.has(date.getUTCMonth() + 1)) return false;
    const weekday = date.getUTCDay();
    const domMatch = dom.values.has(date.getUTCDate());
    const dowMatch = dow.values.has(weekday) || (weekday === 0 && dow.values.has(7));
    // robfig/cron: when either day field is a plain `*` (or `?`), both must match; otherwise either.
    return dom.star || dow.star ? domMatch && dowMatch : domMatch || dowMatch;
  };
  return {
    schedule: text,
    runsOn,
    nextAfter(day) {
      for (let i = 1; i <= SEARCH_DAYS; i++) {
        const candidate = addDays(day, i);
        if (runsOn(candidate)) return candidate;
      }
      return undefined;
    },
  };
}

export function addDays(day: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function field(text: string, min: number, max: number, names: readonly string[] = []): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  const value = (t: string) => (/^\d+$/.test(t) ? Number(t) : names.indexOf(t.toLowerCase()) + (names === MONTHS ? 1 : 0));
  for (const item of text.split(",")) {
    const [range, stepText] = item.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    let [low, high] = [min, max];
    if (range === "*" || range === "?") {
      // A step makes `*` a list of values: robfig/cron then treats the field as restricted.
      star ||= step === 1;
    } else {
      const bounds = range.split("-").map(value);
      low = bounds[0];
      high = bounds.length === 2 ? bounds[1] : stepText === undefined ? low : max;
    }
    for (let v = low; v <= high; v += step) values.add(v);
  }
  return { values, star };
}
