import { cronScheduleProblem } from "../../config/schema/cron-schedule";

/** Schedules the Kubernetes API server (robfig/cron's standard parser) accepts, and those it refuses. */
describe("cron schedules", () => {
  it.each(["30 2 * * *", "*/15 * * * *", "0 0 1,15 * *", "0 8-18/2 * * MON-FRI", "0 0 * JAN-MAR sun", "5/10 * ? * *", "@daily", "@midnight", "@hourly"])(
    "accepts %s",
    (schedule) => expect(cronScheduleProblem(schedule)).toBeUndefined(),
  );

  it.each([
    ["99 99 * * *", "minute 99 is out of range 0-59"],
    ["0 24 * * *", "hour 24 is out of range 0-23"],
    ["0 0 0 * *", "day-of-month 0 is out of range 1-31"],
    ["0 0 * 13 *", "month 13 is out of range 1-12"],
    ["0 1 * * 7", "day-of-week 7 is out of range 0-6"],
    ["*/0 * * * *", "minute step 0: a step is at least 1"],
    ["0 0 31-1 * *", "day-of-month range 31-1 starts after its end"],
    ["0 0 * FOO *", 'month "FOO" is not a number or a name (JAN, FEB, MAR, APR, MAY, JUN, JUL, AUG, SEP, OCT, NOV, DEC)'],
    ["0 0 * *", "has 4 fields; a schedule has 5 (minute hour day-of-month month day-of-week)"],
    ["@every 5m", 'unknown schedule "@every 5m"; use five fields or one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly'],
    ["TZ=UTC 0 0 * * *", "a time zone cannot be part of the schedule (the API server refuses TZ=); schedules run in the cluster's time zone"],
  ])("refuses %s: %s", (schedule, message) => expect(cronScheduleProblem(schedule)).toBe(message));
});
