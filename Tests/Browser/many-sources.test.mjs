// A performer's page for a mix of twenty sources, on a phone: it must fit in two screens,
// name every source so no two read alike, keep the master in view however far it scrolls,
// and still work (a fader drag reaches the console; a tap on a name opens its pan).
//
//   node many-sources.test.mjs --url "http://127.0.0.1:PORT/mix?token=TOKEN" \
//        --sources N --drag SOURCE_ID --screenshot OUT   (OUT-top.png, OUT-bottom.png)
//
// Exits 0 on pass, 1 on failure, 2 on bad usage.

import { PHONE, TestFailure, log, openPage, optionsOrExit, runOnPhone, sleep } from './phone-harness.mjs';

const WATCHDOG_MS = 60_000;
const VIEWPORT = PHONE;
const MAX_SCREENS = 2;

const options = optionsOrExit(process.argv.slice(2), ['url', 'sources', 'drag', 'screenshot'],
                              'node many-sources.test.mjs --url URL --sources N --drag SOURCE_ID --screenshot OUT');

async function test(page) {
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await openPage(page, options.url);
  await page.waitForSelector('body[data-ready="true"][data-connection="connected"]', { timeout: 15_000 });
  await sleep(300);   // names are fitted on the next frame

  const rows = page.locator('[data-source-id]');
  const count = await rows.count();
  log(`${count} source strips`);
  if (count !== Number(options.sources)) throw new TestFailure(`expected ${options.sources} strips, the page has ${count}`);

  // Two screens at most.
  const pageHeight = await page.evaluate(() => document.scrollingElement.scrollHeight);
  log(`page height ${pageHeight} px on a ${VIEWPORT.height} px screen: ${(pageHeight / VIEWPORT.height).toFixed(2)} screens`);
  if (pageHeight > MAX_SCREENS * VIEWPORT.height) {
    throw new TestFailure(`the page is ${(pageHeight / VIEWPORT.height).toFixed(2)} screens long (at most ${MAX_SCREENS})`);
  }

  // Every name shown in full or shortened, none cut off by the box, no two alike.
  const labels = await page.locator('[data-source-id] .name').evaluateAll((names) => names.map((name) => ({
    shown: name.textContent, full: name.title, clipped: name.scrollWidth > name.clientWidth + 1 })));
  const seen = new Map();
  for (const { shown, full, clipped } of labels) {
    if (clipped) throw new TestFailure(`"${full}" is shown as "${shown}" and still cut off by its box`);
    if (seen.has(shown) && seen.get(shown) !== full) {
      throw new TestFailure(`"${seen.get(shown)}" and "${full}" both read "${shown}"`);
    }
    seen.set(shown, full);
  }
  log(`names: ${labels.map(({ shown }) => shown).join(' | ')}`);

  await page.screenshot({ path: `${options.screenshot}-top.png` });

  // The master in view at the bottom of the page, fader and all.
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
  await sleep(200);
  const master = await page.locator('#master').boundingBox();
  const masterFader = await page.locator('#master input.gain').boundingBox();
  if (!master || !masterFader || master.y < 0 || masterFader.y + masterFader.height > VIEWPORT.height) {
    throw new TestFailure(`scrolled to the end, the master is not in view (at ${master ? Math.round(master.y) : '?'} px)`);
  }
  const last = await rows.last().boundingBox();
  if (!last || last.y < master.y + master.height) {
    throw new TestFailure('scrolled to the end, the master covers the last source');
  }
  log(`scrolled to the end: master at ${Math.round(master.y)} px, the last source at ${Math.round(last.y)} px`);
  await page.screenshot({ path: `${options.screenshot}-bottom.png` });

  // Still a working page: a drag on a compact fader reaches the console, whose echo shows.
  const row = page.locator(`[data-source-id="${options.drag}"]`);
  await row.scrollIntoViewIfNeeded();
  const value = row.locator('.title .level');
  const before = (await value.textContent()).trim();
  const fader = await row.locator('.gain-fader').boundingBox();
  const y = fader.y + fader.height / 2;
  const x = fader.x + fader.width * 0.8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x - i * fader.width * 0.06, y);
  await page.mouse.up();
  await sleep(1200);   // past the page's hold, so what shows is the console's echo
  const after = (await value.textContent()).trim();
  log(`dragged "${options.drag}" down: ${before} -> ${after}`);
  const dbOf = (text) => (text === 'off' ? -144 : Number(text.replace('\u2212', '-').replace(' dB', '')));
  if (!(dbOf(after) < dbOf(before) - 3)) throw new TestFailure(`the level did not follow the drag (${before} -> ${after})`);

  // A tap on the name opens the pan row.
  const panRow = row.locator('.pan-row');
  if (await panRow.isVisible()) throw new TestFailure('the pan row shows before the name is tapped');
  await row.locator('.title').click();
  if (!(await panRow.isVisible())) throw new TestFailure('a tap on the name does not open the pan row');
  log('a tap on the name opened its pan row');

  if (pageErrors.length > 0) throw new TestFailure(`the page threw: ${pageErrors.join('; ')}`);
}

await runOnPhone({
  watchdogMs: WATCHDOG_MS,
  test,
  afterwards: async (page, failed) => {
    if (failed) await page.screenshot({ path: `${options.screenshot}-failed.png`, timeout: 5_000 });
  },
});
