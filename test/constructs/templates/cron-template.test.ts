import { CronJobV1 } from "@cdktf/provider-kubernetes/lib/cron-job-v1";
import type { ProtectionLevel } from "../../../constructs/labels";
import { CronTemplate, type CronTemplateProps } from "../../../constructs/templates/cron-template";
import { resourcesOf } from "../test-provider";
import { CONTAINER_SECURITY_CONTEXT, expectedLabels, podSecurityContext, synth, workloadProps } from "./template-fixtures";

function synthCron(level: ProtectionLevel, extra: Partial<CronTemplateProps> = {}): string {
  return synth((scope) => {
    const { replicas: _replicas, port: _port, ...props } = workloadProps(scope, level, "report");
    new CronTemplate(scope, "report", { ...props, schedule: "0 2 * * *", ...extra });
  });
}

describe("CronTemplate", () => {
  const level2 = synthCron(2);
  const level3 = synthCron(3, { nodePool: "level3-pool", backoffLimit: 1, activeDeadlineSeconds: 600 });

  it("schedules a CronJob that never overlaps runs, keeps a short history, and bounds retries and run time", () => {
    expect(level2).toHaveResourceWithProperties(CronJobV1, {
      metadata: { name: "report", namespace: "health-prod", labels: expectedLabels(2, "report", "cron") },
      spec: expect.objectContaining({
        schedule: "0 2 * * *",
        concurrency_policy: "Forbid",
        starting_deadline_seconds: 300,
        successful_jobs_history_limit: 3,
        failed_jobs_history_limit: 3,
        job_template: expect.objectContaining({
          spec: expect.objectContaining({ backoff_limit: 2, active_deadline_seconds: 3600 }),
        }),
      }),
    });
    const [cronJob] = resourcesOf(level3, "kubernetes_cron_job_v1");
    expect([cronJob.spec.job_template.spec.backoff_limit, cronJob.spec.job_template.spec.active_deadline_seconds]).toEqual([1, 600]);
  });

  it.each([
    [2, level2],
    [3, level3],
  ] as const)("hardens the job's pod and container at level %i", (level, synthesized) => {
    const [cronJob] = resourcesOf(synthesized, "kubernetes_cron_job_v1");
    const template = cronJob.spec.job_template.spec.template;
    expect(template.metadata.labels).toEqual(expectedLabels(level, "report", "cron"));
    const pod = template.spec;
    expect(pod.security_context).toEqual(podSecurityContext(10001));
    expect([pod.automount_service_account_token, pod.enable_service_links, pod.restart_policy, pod.service_account_name]).toEqual([false, false, "Never", "report"]);
    expect(pod.container).toEqual([
      {
        name: "report",
        image: expect.stringContaining("@sha256:"),
        image_pull_policy: "Always",
        port: [{ name: "metrics", container_port: 9090, protocol: "TCP" }],
        resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
        security_context: CONTAINER_SECURITY_CONTEXT,
        volume_mount: [{ name: "tmp", mount_path: "/tmp" }],
      },
    ]);
    expect(pod.topology_spread_constraint).toBeUndefined();
  });

  it("runs on the dedicated pool when given, without a disruption budget or Service", () => {
    const pod = resourcesOf(level3, "kubernetes_cron_job_v1")[0].spec.job_template.spec.template.spec;
    expect(pod.node_selector).toEqual({ "govcloud/node-pool": "level3-pool" });
    expect(pod.toleration).toEqual([{ key: "govcloud/dedicated", operator: "Equal", value: "level3-pool", effect: "NoSchedule" }]);
    expect([resourcesOf(level3, "kubernetes_pod_disruption_budget_v1"), resourcesOf(level3, "kubernetes_service_v1")]).toEqual([[], []]);
    expect(resourcesOf(level3, "kubernetes_service_account_v1").map((sa) => sa.automount_service_account_token)).toEqual([false]);
  });

  it("accepts cron macros", () => {
    expect(resourcesOf(synthCron(2, { schedule: "@daily" }), "kubernetes_cron_job_v1")[0].spec.schedule).toBe("@daily");
  });

  it.each([
    ["a schedule that is not cron", { schedule: "every night" }, "'schedule' must be a cron expression of 5 fields (minute hour day month weekday) or a macro such as @daily, got 'every night'"],
    ["a negative backoff limit", { backoffLimit: -1 }, "'backoffLimit' must be a whole number of at least 0, got -1"],
    ["a zero deadline", { activeDeadlineSeconds: 0 }, "'activeDeadlineSeconds' must be a whole number of at least 1, got 0"],
    ["a tag-pinned image at level 3", { image: "registry.gov.example/health/report:latest" }, "'image' must be pinned by digest (<image>@sha256:<digest>) at level 3, got 'registry.gov.example/health/report:latest'"],
  ] as const)("refuses %s", (_case, bad, message) => {
    expect(() => synthCron(3, bad)).toThrow(new Error(message));
  });
});
