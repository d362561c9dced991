import { z } from "zod";

/**
 * A CronJob schedule as the Kubernetes API server accepts it (robfig/cron's standard parser):
 * five fields, each `*`, `?`, a value, a range `a-b`, any of these with a step `/n`, or a list
 * of them; months and weekdays also by name. A schedule the API server would refuse is refused
 * here, at its line, rather than at apply time.
 */
interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const FIELDS: readonly CronField[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] },
  { name: "day-of-week", min: 0, max: 6, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];

const MACROS = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];

/** Why `schedule` is not a valid CronJob schedule, or undefined when it is. */
export function cronScheduleProblem(schedule: string): string | undefined {
  const text = schedule.trim();
  if (text.startsWith("@")) {
    return MACROS.includes(text) ? undefined : `unknown schedule ${JSON.stringify(text)}; use five fields or one of ${MACROS.join(", ")}`;
  }
  if (/^(CRON_)?TZ=/.test(text)) return "a time zone cannot be part of the schedule (the API server refuses TZ=); schedules run in the cluster's time zone";
  const parts = text.split(/\s+/);
  if (parts.length !== 5) return `has ${parts.length} fields; a schedule has 5 (minute hour day-of-month month day-of-week)`;
  for (let i = 0; i < FIELDS.length; i++) {
    const problem = fieldProblem(parts[i], FIELDS[i]);
    if (problem) return problem;
  }
  return undefined;
}

function fieldProblem(text: string, field: CronField): string | undefined {
  const unreadable = `${field.name} ${JSON.stringify(text)} is not a value, a range or a step`;
  for (const item of text.split(",")) {
    const match = /^([^/]+)(?:\/(.*))?$/.exec(item);
    if (!match) return unreadable;
    const [, range, step] = match;
    if (step !== undefined && !/^\d+$/.test(step)) return `${field.name} step "${step}" is not a whole number`;
    if (step !== undefined && Number(step) === 0) return `${field.name} step 0: a step is at least 1`;
    if (range === "*" || range === "?") continue;
    const bounds = range.split("-");
    if (bounds.length > 2) return unreadable;
    const values: number[] = [];
    for (const bound of bounds) {
      const value = fieldValue(bound, field);
      if (value === undefined) {
        const names = field.names ? ` or a name (${field.names.map((n) => n.toUpperCase()).join(", ")})` : "";
        return `${field.name} "${bound}" is not a number${names}`;
      }
      if (value < field.min || value > field.max) return `${field.name} ${value} is out of range ${field.min}-${field.max}`;
      values.push(value);
    }
    if (values.length === 2 && values[0] > values[1]) return `${field.name} range ${range} starts after its end`;
  }
  return undefined;
}

function fieldValue(text: string, field: CronField): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toLowerCase()) ?? -1;
  return index < 0 ? undefined : field.min + index;
}

/** Five-field cron schedule (`30 2 * * *`), or a macro such as `@daily`. */
export const cronSchedule = z.string().superRefine((schedule, context) => {
  const problem = cronScheduleProblem(schedule);
  if (problem) context.addIssue({ code: "custom", message: `${problem} (a cron schedule such as "30 2 * * *")`, input: schedule });
});
