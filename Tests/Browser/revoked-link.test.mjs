// A performer's page whose link stops opening a mix: the console restarted without the
// session's links saved, so every token changed. The page must say so and stop retrying,
// rather than show "Offline, retrying" for ever.
//
//   node revoked-link.test.mjs --url "http://127.0.0.1:PORT/mix?token=TOKEN" \
//        --restarted FLAG_FILE --screenshot OUT.png
//
// Prints CONNECTED once the page is live; the harness then restarts the console with new
// links and creates FLAG_FILE. Exits 0 on pass, 1 on failure, 2 on bad usage.

import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

const CHROMIUM_PATH = process.env.FOLDBACK_CHROMIUM || '/usr/bin/chromium';
const WATCHDOG_MS = 90_000;
const REVOKED_WAIT_MS = 30_000;  // the page's back-off is at most a few seconds per attempt
const QUIET_MS = 10_000;         // after saying so, no attempt for this long

class TestFailure extends Error {}

function parseArguments(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (!['--url', '--restarted', '--screenshot'].includes(name) || i + 1 >= argv.length) return null;
    options[name.slice(2)] = argv[++i];
  }
  return options.url && options.restarted && options.screenshot ? options : null;
}

const options = parseArguments(process.argv.slice(2));
if (!options) {
  console.error('usage: node revoked-link.test.mjs --url URL --restarted FLAG_FILE --screenshot OUT.png');
  process.exit(2);
}

const startedAt = performance.now();
const log = (text) => console.log(`[${((performance.now() - startedAt) / 1000).toFixed(3).padStart(7)}s] ${text}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let browser = null;
let page = null;

async function run() {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true });
  page = await context.newPage();
  let socketAttempts = 0;
  page.on('websocket', () => { socketAttempts += 1; });

  const response = await page.goto(options.url, { waitUntil: 'domcontentloaded', timeout: 10_000 });
  if (!response || !response.ok()) throw new TestFailure(`the page answered HTTP ${response ? response.status() : 'nothing'}`);
  await page.waitForSelector('body[data-connection="connected"]', { timeout: 15_000 });
  log('page connected');
  console.log('CONNECTED');

  const deadline = performance.now() + 40_000;
  while (!existsSync(options.restarted)) {
    if (performance.now() > deadline) throw new TestFailure('the harness never restarted the console');
    await sleep(100);
  }
  log('the console is back, with new links');

  try {
    await page.waitForSelector('body[data-connection="revoked"]', { timeout: REVOKED_WAIT_MS });
  } catch {
    const state = await page.getAttribute('body', 'data-connection');
    throw new TestFailure(`the page never said its link is no longer valid (it shows "${state}")`);
  }
  const indicator = (await page.textContent('#connection')).trim();
  const notice = (await page.textContent('#notice')) || '';
  log(`page shows "${indicator}": ${notice.trim()}`);
  if (indicator !== 'Link no longer valid') throw new TestFailure(`the indicator reads "${indicator}"`);
  if (!notice.includes('no longer opens a mix')) throw new TestFailure(`the notice reads "${notice}"`);

  // And it stops: no more sockets, even when the phone wakes up.
  const attemptsWhenRevoked = socketAttempts;
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await sleep(QUIET_MS);
  if (socketAttempts !== attemptsWhenRevoked) {
    throw new TestFailure(`the page went on trying: ${socketAttempts - attemptsWhenRevoked} more WebSocket attempts`);
  }
  log(`no WebSocket attempt in ${QUIET_MS / 1000} s after that (${attemptsWhenRevoked} in all)`);
}

let exitCode = 0;
const watchdog = new Promise((_, reject) => setTimeout(() => reject(new TestFailure('timed out')), WATCHDOG_MS));
setTimeout(() => process.exit(1), WATCHDOG_MS + 15_000).unref();
try {
  await Promise.race([run(), watchdog]);
  console.log(`PASS in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
} catch (error) {
  exitCode = 1;
  console.error(`FAIL: ${error instanceof TestFailure ? error.message : error.stack || error}`);
} finally {
  if (page) await page.screenshot({ path: options.screenshot, timeout: 5_000 }).catch(() => {});
  if (browser) await Promise.race([browser.close().catch(() => {}), sleep(5_000)]);
}
process.exit(exitCode);
