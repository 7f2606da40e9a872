/**
 * Takes the screenshot of report.html that the README shows (docs/report.png), in headless
 * Chromium (Debian's `chromium` package) through playwright-core.
 *
 *   npm run pipeline && npx tsx scripts/report-screenshot.ts [output/report.html] [docs/report.png]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const chromiumPath = '/usr/bin/chromium';
const [input = 'output/report.html', output = 'docs/report.png'] = process.argv.slice(2);
if (!existsSync(chromiumPath)) {
  process.stderr.write(`no Chromium at ${chromiumPath}: apt-get install chromium\n`);
  process.exit(2);
}
if (!existsSync(input)) {
  process.stderr.write(`${input}: no such file (run the pipeline first)\n`);
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(resolve(input)).href, { waitUntil: 'load' });
  await page.screenshot({ path: output });
  process.stdout.write(`wrote ${output}\n`);
} finally {
  await browser.close();
}
