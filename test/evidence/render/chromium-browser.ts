import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium, as `.ci/run` installs it (`apt-get install chromium fonts-noto-cjk`). */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * Launches Debian's Chromium headless with everything that talks to the network on its own
 * switched off. Fails, never skips, when it is not installed: the browser tests are part of the
 * suite, and a silent skip would hide that the report was never opened.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the evidence pack's browser tests need Debian's Chromium. .ci/run installs it (apt-get install -y --no-install-recommends chromium fonts-noto-cjk); run that on this machine too.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface OpenedReport {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request the page made other than for the report file itself. */
  readonly requests: string[];
  /** Console errors and uncaught exceptions: a Content-Security-Policy refusal shows here. */
  readonly errors: string[];
}

/**
 * Opens report.html from a file:// URL in a fresh, offline context that refuses every request
 * but the report itself and records each attempt.
 */
export async function openReport(browser: Browser, htmlPath: string, options: { javaScriptEnabled?: boolean } = {}): Promise<OpenedReport> {
  const url = pathToFileURL(htmlPath).href;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true, locale: "zh-CN" });
  await context.setOffline(true);
  const requests: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const page = await context.newPage();
  page.on("request", (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(url, { waitUntil: "load" });
  return { context, page, requests, errors };
}
