// End-to-end check of the performer page against a running Foldback server.
//
//   node performer-page.test.mjs --url "http://127.0.0.1:PORT/mix?token=TOKEN" \
//        --source SOURCE_ID --screenshot OUT.png
//
// Opens the page in headless Chromium on a phone-sized viewport, waits for audio in the
// mix meter, drags SOURCE_ID's gain fader to the bottom with the mouse as a thumb would,
// and checks that the engine's mix and the server's state follow; then drags it to the
// top and checks the level comes back. Exits 0 on pass, 1 on failure, 2 on bad usage.

import { chromium } from 'playwright-core';

const CHROMIUM_PATH = process.env.FOLDBACK_CHROMIUM || '/usr/bin/chromium';
const WATCHDOG_MS = 60_000;
const AUDIO_PRESENT_DB = -40;     // mix meter above this: the engine is playing into the mix
const AUDIO_WAIT_MS = 10_000;
const REFERENCE_WINDOW_MS = 300;  // take the loudest reading over this, not one sample
const REQUIRED_DROP_DB = 20;
const DROP_WAIT_MS = 5_000;
const RECOVERY_TOLERANCE_DB = 3;
const RECOVERY_WAIT_MS = 5_000;
const OFF_DB = -144;
const FADER_BOTTOM_DB = -59;      // "off" or, at worst, the lowest fader step

class TestFailure extends Error {}

// ------------------------------------------------------------------ arguments

function parseArguments(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (!['--url', '--source', '--screenshot'].includes(name) || i + 1 >= argv.length) {
      return null;
    }
    options[name.slice(2)] = argv[++i];
  }
  return options.url && options.source && options.screenshot ? options : null;
}

const options = parseArguments(process.argv.slice(2));
if (!options) {
  console.error('usage: node performer-page.test.mjs --url "http://HOST:PORT/mix?token=TOKEN" ' +
                '--source SOURCE_ID --screenshot OUT.png');
  process.exit(2);
}

let pageUrl;
try {
  pageUrl = new URL(options.url);
} catch {
  console.error(`not a URL: ${options.url}`);
  process.exit(2);
}
const token = pageUrl.searchParams.get('token') || '';

// ------------------------------------------------------------------ reporting

const startedAt = performance.now();
let stepStartedAt = startedAt;
const seconds = (ms) => (ms / 1000).toFixed(3).padStart(7);

function step(text) {
  const now = performance.now();
  console.log(`[${seconds(now - startedAt)}s] ${text}`);
  stepStartedAt = now;
}

function done(text) {
  const now = performance.now();
  console.log(`[${seconds(now - startedAt)}s]   ok (${((now - stepStartedAt) / 1000).toFixed(3)} s)${text ? ': ' + text : ''}`);
}

// ------------------------------------------------------------------ page helpers

const attributeValue = (text) => JSON.stringify(String(text));  // a quoted CSS attribute value

async function readMixPeakDb(page) {
  return Number(await page.locator('#mix-meter').getAttribute('data-peak-db'));
}

// Polls the mix meter until predicate(peakDb) holds; returns that reading, or the last
// reading with ok=false on timeout.
async function waitForMixPeak(page, predicate, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  let peakDb = -Infinity;
  while (performance.now() < deadline) {
    peakDb = await readMixPeakDb(page);
    if (predicate(peakDb)) return { ok: true, peakDb };
    await page.waitForTimeout(50);
  }
  return { ok: false, peakDb };
}

async function loudestMixPeakOver(page, windowMs) {
  const deadline = performance.now() + windowMs;
  let loudest = -Infinity;
  do {
    loudest = Math.max(loudest, await readMixPeakDb(page));
    await page.waitForTimeout(30);
  } while (performance.now() < deadline);
  return loudest;
}

// Drags a range input's thumb to one end with the mouse: press on the thumb, move in
// small steps at about 60 Hz like a finger, release past the end. The page drags
// relatively (no jump on touch), so the press only has to land on the fader, and the
// overshoot makes sure the full travel is covered either way.
async function dragRangeToEnd(page, input, end) {
  const box = await input.boundingBox();
  if (!box) throw new TestFailure('the gain fader has no box on screen (is it hidden?)');
  const { value, min, max } = await input.evaluate((element) => ({
    value: Number(element.value), min: Number(element.min), max: Number(element.max),
  }));
  const thumbWidth = box.height;  // the page's thumb is about as wide as the fader is tall
  const travel = box.width - thumbWidth;
  const startX = box.x + thumbWidth / 2 + travel * ((value - min) / (max - min));
  const y = box.y + box.height / 2;
  const endX = end === 'bottom' ? box.x - 20 : box.x + box.width + 20;

  await page.mouse.move(startX, y);
  await page.mouse.down();
  const moves = 20;
  for (let i = 1; i <= moves; i++) {
    await page.mouse.move(startX + ((endX - startX) * i) / moves, y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return { from: value, to: Number(await input.inputValue()) };
}

async function fetchServerState() {
  const stateUrl = new URL('/api/state', pageUrl);
  stateUrl.searchParams.set('token', token);
  const response = await fetch(stateUrl, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) throw new TestFailure(`GET ${stateUrl.pathname} answered HTTP ${response.status}`);
  return response.json();
}

// ------------------------------------------------------------------ the test

let browser = null;
let page = null;

async function run() {
  step(`launching ${CHROMIUM_PATH}`);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
  });
  page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`           page console: ${message.text()}`);
  });
  done();

  step(`opening ${pageUrl.origin}${pageUrl.pathname}`);
  let response;
  try {
    response = await page.goto(pageUrl.href, { waitUntil: 'domcontentloaded', timeout: 10_000 });
  } catch (error) {
    throw new TestFailure(`could not open the page: ${error.message.split('\n')[0]}`);
  }
  if (!response || !response.ok()) {
    throw new TestFailure(`the page answered HTTP ${response ? response.status() : 'nothing'}`);
  }
  done(`HTTP ${response.status()}`);

  step('waiting for the first state and a connected socket');
  try {
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 10_000 });
  } catch {
    const connection = await page.locator('#connection').getAttribute('data-state').catch(() => '?');
    throw new TestFailure(`the page never got its state over the WebSocket (connection: ${connection})`);
  }
  done(`mix "${await page.locator('#mix-name').textContent()}"`);

  const row = page.locator(`[data-source-id=${attributeValue(options.source)}]`);
  if ((await row.count()) !== 1) {
    const ids = await page.locator('[data-source-id]').evaluateAll(
      (rows) => rows.map((element) => element.dataset.sourceId));
    throw new TestFailure(`no row for source "${options.source}"; the page lists: ${ids.join(', ') || 'nothing'}`);
  }
  const gainFader = row.locator('input.gain');
  if (!(await gainFader.isVisible())) {
    throw new TestFailure(`source "${options.source}" has no visible gain fader (not in the mix's allow list?)`);
  }

  step(`waiting up to ${AUDIO_WAIT_MS / 1000} s for the mix meter to pass ${AUDIO_PRESENT_DB} dBFS`);
  const audio = await waitForMixPeak(page, (db) => db > AUDIO_PRESENT_DB, AUDIO_WAIT_MS);
  if (!audio.ok) {
    throw new TestFailure(`no audio in the mix: the meter stayed at ${audio.peakDb} dBFS ` +
                          `(is the engine playing into this mix?)`);
  }
  const referenceDb = await loudestMixPeakOver(page, REFERENCE_WINDOW_MS);
  done(`reference ${referenceDb.toFixed(1)} dBFS`);

  step(`dragging "${options.source}" gain fader to the bottom`);
  const down = await dragRangeToEnd(page, gainFader, 'bottom');
  if (down.to !== Number(await gainFader.getAttribute('min'))) {
    throw new TestFailure(`the fader stopped at ${down.to} dB instead of the bottom`);
  }
  const readout = (await row.locator('.value').textContent()).trim();
  done(`fader ${down.from} -> ${down.to}, readout "${readout}"`);

  step(`waiting up to ${DROP_WAIT_MS / 1000} s for the mix to drop by ${REQUIRED_DROP_DB} dB`);
  const droppedTo = referenceDb - REQUIRED_DROP_DB;
  const drop = await waitForMixPeak(page, (db) => db <= droppedTo, DROP_WAIT_MS);
  if (!drop.ok) {
    throw new TestFailure(`the mix did not follow the fader: ${drop.peakDb} dBFS, ` +
                          `needed ${droppedTo.toFixed(1)} or below (reference ${referenceDb.toFixed(1)})`);
  }
  done(`${drop.peakDb} dBFS`);

  step('checking the server state for the source');
  const state = await fetchServerState();
  const source = Array.isArray(state.sources) ? state.sources.find((s) => s.id === options.source) : null;
  if (!source) throw new TestFailure(`/api/state does not list source "${options.source}"`);
  if (!(source.gainDb === OFF_DB || source.gainDb < FADER_BOTTOM_DB)) {
    throw new TestFailure(`/api/state says ${options.source} gainDb is ${source.gainDb}, ` +
                          `expected ${OFF_DB} or below ${FADER_BOTTOM_DB}`);
  }
  done(`gainDb ${source.gainDb}, offsetDb ${source.offsetDb}`);

  step(`dragging "${options.source}" gain fader to the top`);
  const up = await dragRangeToEnd(page, gainFader, 'top');
  if (up.to !== Number(await gainFader.getAttribute('max'))) {
    throw new TestFailure(`the fader stopped at ${up.to} dB instead of the top`);
  }
  done(`fader ${up.from} -> ${up.to}`);

  step(`waiting up to ${RECOVERY_WAIT_MS / 1000} s for the mix to come back`);
  const recoveredAbove = referenceDb - RECOVERY_TOLERANCE_DB;
  const recovery = await waitForMixPeak(page, (db) => db > recoveredAbove, RECOVERY_WAIT_MS);
  if (!recovery.ok) {
    throw new TestFailure(`the mix did not come back: ${recovery.peakDb} dBFS, ` +
                          `needed above ${recoveredAbove.toFixed(1)}`);
  }
  done(`${recovery.peakDb} dBFS`);

  if (pageErrors.length) throw new TestFailure(`the page threw: ${pageErrors.join(' | ')}`);
}

async function saveScreenshot() {
  if (!page) return;
  try {
    await page.screenshot({ path: options.screenshot, timeout: 5_000 });
    console.log(`screenshot: ${options.screenshot}`);
  } catch (error) {
    console.log(`could not save the screenshot: ${error.message}`);
  }
}

async function closeBrowser() {
  if (!browser) return;
  const closing = browser.close().catch(() => {});
  browser = null;
  await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 5_000))]);
}

// The watchdog fails the run, then the usual cleanup saves a screenshot and closes the
// browser; the backstop exits even if that cleanup hangs.
let watchdogTimer;
const watchdog = new Promise((_, reject) => {
  watchdogTimer = setTimeout(
    () => reject(new TestFailure(`the test did not finish within ${WATCHDOG_MS / 1000} s`)), WATCHDOG_MS);
});
setTimeout(() => process.exit(1), WATCHDOG_MS + 15_000).unref();

let exitCode = 0;
try {
  const running = run();
  running.catch(() => {});  // after a watchdog failure its own error no longer matters
  await Promise.race([running, watchdog]);
  await saveScreenshot();
  console.log(`PASS in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
} catch (error) {
  exitCode = 1;
  console.error(`FAIL: ${error instanceof TestFailure ? error.message : error.stack || error}`);
  await saveScreenshot();  // what the page showed when it failed
} finally {
  clearTimeout(watchdogTimer);
  await closeBrowser();
}
process.exit(exitCode);
