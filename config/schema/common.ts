import { z } from "zod";

/**
 * Building blocks shared by the declaration schemas. Messages say what is allowed; the
 * loader appends the value it saw, so every error carries both.
 */

export const dnsLabel = z
  .string()
  .max(63, { error: "must be at most 63 characters (a DNS label)" })
  .regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, {
    error: "must be a DNS label: lowercase letters, digits and '-', starting with a letter and not ending with '-'",
  });

export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

/** MLPS 2.0 protection level. Level 5 exists in the standard but is never hosted on a shared cloud. */
export const protectionLevel = z
  .int({ error: "must be a protection level, a whole number from 1 to 4" })
  .min(1, { error: "must be a protection level from 1 to 4" })
  .max(4, {
    error: (issue) =>
      issue.input === 5
        ? "level 5 is not hosted: MLPS level 5 systems need dedicated, specially approved infrastructure; this platform hosts levels 1 to 4"
        : "must be a protection level from 1 to 4",
  })
  .transform((n) => n as Level);

/** Free text a person reads (names, purposes, reasons): spaces alone say nothing, so they are refused. */
export const displayName = z
  .string()
  .min(1, { error: "must not be empty", abort: true })
  .regex(/\S/, { error: "must not be blank: it holds only white space" })
  .max(200, { error: "must be at most 200 characters" });

/** Kubernetes CPU quantity: cores as a number (`2`, `0.5`) or millicores (`500m`). */
export const cpuQuantity = z.union([
  z.number().positive({ error: "must be a positive number of cores" }),
  z.string().regex(/^(\d+(\.\d+)?|\d+m)$/, { error: "must be CPU cores such as 2, 0.5 or 500m" }),
]);

/** Kubernetes memory or storage quantity with a binary unit: `512Mi`, `64Gi`, `2Ti`. */
export const byteQuantity = z
  .string()
  .regex(/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi)$/, { error: "must be a size with a binary unit, such as 512Mi, 64Gi or 2Ti" });

/** A calendar date, `2027-06-30`. YAML would parse an unquoted date as a string here. */
export const isoDate = z
  .string({ error: "must be a date written YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date written YYYY-MM-DD" })
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isCalendarDate(s), { error: "is not a real calendar date" });

/** `2027-02-30` has the right shape but names no day. */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export const ipv4Cidr = z
  .string()
  .regex(/^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)\/(3[0-2]|[12]?\d)$/, {
    error: "must be an IPv4 CIDR such as 10.0.0.0/8",
  });

export { cronSchedule } from "./cron-schedule";

export const port = z.int({ error: "must be a port number" }).min(1, { error: "must be a port from 1 to 65535" }).max(65535, {
  error: "must be a port from 1 to 65535",
});

/** Kubernetes group names as the cluster's authenticator reports them. */
export const groupName = z.string().regex(/^[A-Za-z0-9][-A-Za-z0-9_.:@/]{0,127}$/, {
  error: "must be a group name: letters, digits and - _ . : @ /, at most 128 characters",
});

/** Label keys and values as Kubernetes accepts them. */
export const labelKey = z
  .string()
  .regex(/^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/, {
    error: "must be a Kubernetes label key ([prefix/]name, name at most 63 characters)",
  });
export const labelValue = z.string().regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/, {
  error: "must be a Kubernetes label value (at most 63 letters, digits, '-', '_' or '.')",
});
export const labels = z.record(labelKey, labelValue);
