// What the performer-page tests share: their arguments, a timed log, a phone-sized
// headless Chromium, and a watchdog, so that a run ends with status 0 (pass), 1 (fail) or
// 2 (bad usage) whatever the page does.

import { chromium } from 'playwright-core';

const CHROMIUM_PATH = process.env.FOLDBACK_CHROMIUM || '/usr/bin/chromium';
export const PHONE = { width: 390, height: 844 };   // a common phone, CSS pixels

export class TestFailure extends Error {}

const startedAt = performance.now();
export const log = (text) => console.log(`[${((performance.now() - startedAt) / 1000).toFixed(3).padStart(7)}s] ${text}`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `--name value` options `names` (every one required), or a usage message and exit 2. */
export function optionsOrExit(argv, names, usage) {
  const options = {};
  for (let i = 0; i + 1 < argv.length && argv[i].startsWith('--') && names.includes(argv[i].slice(2)); i += 2) {
    options[argv[i].slice(2)] = argv[i + 1];
  }
  if (Object.keys(options).length * 2 === argv.length && names.every((name) => name in options)) return options;
  console.error(`usage: ${usage}`);
  process.exit(2);
}

/** Runs `test(page)` on a new phone-sized page within `watchdogMs`, then `afterwards(page,
    failed)` (a screenshot), closes the browser and exits with the result. */
export async function runOnPhone({ watchdogMs, test, afterwards = async () => {} }) {
  let browser = null;
  let page = null;
  let exitCode = 0;
  const watchdog = new Promise((_, reject) => setTimeout(() => reject(new TestFailure('timed out')), watchdogMs));
  setTimeout(() => process.exit(1), watchdogMs + 15_000).unref();
  try {
    await Promise.race([(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
      const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, hasTouch: true });
      page = await context.newPage();
      await test(page);
    })(), watchdog]);
    console.log(`PASS in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  } catch (error) {
    exitCode = 1;
    console.error(`FAIL: ${error instanceof TestFailure ? error.message : error.stack || error}`);
  } finally {
    if (page) await afterwards(page, exitCode !== 0).catch(() => {});
    if (browser) await Promise.race([browser.close().catch(() => {}), sleep(5_000)]);
  }
  process.exit(exitCode);
}

/** Opens the page at `url` and fails unless it answers 200. */
export async function openPage(page, url) {
  const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 10_000 });
  if (!response || !response.ok()) throw new TestFailure(`the page answered HTTP ${response ? response.status() : 'nothing'}`);
}
