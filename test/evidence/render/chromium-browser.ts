import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { npmChromium, type ChromiumInstall } from "./npm-chromium";

/** Names another Chromium to test with (Debian's /usr/bin/chromium, say) instead of the one from npm. */
export const CHROMIUM_VARIABLE = "GOVCLOUD_CHROMIUM";

/**
 * Launches Chromium headless with everything that talks to the network on its own switched off.
 * By default the browser `npm ci` installed, with its own fonts, so the report looks the same on
 * every machine; `GOVCLOUD_CHROMIUM=/usr/bin/chromium` tests with a system browser and the
 * system's fonts instead. Fails, never skips: the browser tests are part of the suite, and a
 * silent skip would hide that the report was never opened.
 */
export async function launchChromium(): Promise<Browser> {
  const install = chosenChromium();
  return chromium.launch({
    executablePath: install.executable,
    env: { ...process.env, ...install.env },
    args: ["--headless", "--no-sandbox", "--no-zygote", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

function chosenChromium(): ChromiumInstall {
  const chosen = process.env[CHROMIUM_VARIABLE];
  if (!chosen) return npmChromium();
  if (!existsSync(chosen)) throw new Error(`${CHROMIUM_VARIABLE}=${chosen}: no such file; unset it to test with the Chromium that npm ci installed`);
  return { executable: chosen, env: {} };
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
