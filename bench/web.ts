/**
 * `npm run bench:web`: the web app's initial bundle size (from the built index.html) and the time
 * from navigation to the first chart on Overzicht, measured in Chromium against the built product
 * with the demo data. Prints figures; asserts nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launchBrowser, login, repoRoot, startServer } from '../test/browser/support';

const ROOT = repoRoot();
const WEB = join(ROOT, 'dist/web/browser');
const RUNS = Number(process.env.RUNS ?? 7);

function initialBundle(): { raw: number; gzip: number; files: string[] } {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const files = [...new Set([...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]))];
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const path = join(WEB, f);
    raw += statSync(path).size;
    gzip += gzipSync(readFileSync(path)).length;
  }
  return { raw, gzip, files };
}

async function main(): Promise<void> {
  const bundle = initialBundle();
  console.log(`initial bundle: ${(bundle.raw / 1000).toFixed(1)} kB raw, ${(bundle.gzip / 1000).toFixed(1)} kB gzip (${bundle.files.join(', ')})`);
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await login(page, server.url, 'analyst', '/wijken/GM0518');
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto('about:blank');
      const started = Date.now();
      await page.goto(`${server.url}/overzicht/GM0518?indicator=debt-signals`);
      await page.locator('canvas').first().waitFor({ timeout: 60_000 });
      times.push(Date.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`navigation → first chart on Overzicht (GM0518, ${RUNS} runs): median ${times[Math.floor(RUNS / 2)]} ms, min ${times[0]} ms, max ${times[RUNS - 1]} ms`);

    // The largest map the data allows (there are no buurt boundaries in the register): the country's
    // 342 municipalities. Time to the map, then frame times while zooming it with the mouse wheel.
    const started = Date.now();
    await page.goto(`${server.url}/overzicht/NL00?indicator=loneliness`);
    const map = page.locator('app-chart canvas').last();
    await map.waitFor({ timeout: 60_000 });
    const shownAfter = Date.now() - started;
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number[] };
      w.frames_ = [];
      let last = performance.now();
      const tick = (t: number) => {
        w.frames_.push(t - last);
        last = t;
        if (w.frames_.length < 240) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    for (let i = 0; i < 20; i++) {
      await page.mouse.wheel(0, i % 2 ? 200 : -200);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(1500);
    const frames = (await page.evaluate(() => (window as unknown as { frames_: number[] }).frames_.slice(1))).sort((a, b) => a - b);
    const q = (f: number) => frames[Math.min(frames.length - 1, Math.floor(frames.length * f))].toFixed(1);
    console.log(`national map (342 municipalities): shown after ${shownAfter} ms; while zooming ${frames.length} frames, median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main();
