// A performer's page whose link stops opening a mix: the console restarted without the
// session's links saved, so every token changed. The page must say so and stop retrying,
// rather than show "Offline, retrying" for ever.
//
//   node revoked-link.test.mjs --url "http://127.0.0.1:PORT/mix?token=TOKEN" \
//        --restarted FLAG_FILE --screenshot OUT.png
//
// Prints CONNECTED once the page is live; the harness then restarts the console with new
// links and creates FLAG_FILE. Exits 0 on pass, 1 on failure, 2 on bad usage.

import { TestFailure, log, openPage, optionsOrExit, runOnPhone, sleep } from './phone-harness.mjs';
import { existsSync } from 'node:fs';

const WATCHDOG_MS = 90_000;
const REVOKED_WAIT_MS = 30_000;  // the page's back-off is at most a few seconds per attempt
const QUIET_MS = 10_000;         // after saying so, no attempt for this long

const options = optionsOrExit(process.argv.slice(2), ['url', 'restarted', 'screenshot'],
                              'node revoked-link.test.mjs --url URL --restarted FLAG_FILE --screenshot OUT.png');

async function test(page) {
  let socketAttempts = 0;
  page.on('websocket', () => { socketAttempts += 1; });

  await openPage(page, options.url);
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

await runOnPhone({
  watchdogMs: WATCHDOG_MS,
  test,
  afterwards: (page) => page.screenshot({ path: options.screenshot, timeout: 5_000 }),
});
