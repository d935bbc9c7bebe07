// Measures how tall a participant page is on a phone: opens each URL in headless Chromium
// at 390×844 and prints document.documentElement.scrollHeight in CSS pixels. With an OUT_DIR
// it also saves full-page screenshots at 390 and 1280 px wide.
//
// Usage: node form-height.mjs URL [OUT_DIR NAME]
import { launch } from "./common.mjs";

const [url, out, name] = process.argv.slice(2);
const browser = await launch();
for (const [device, width, height] of [["phone", 390, 844], ["desktop", 1280, 900]]) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(url);
  const tall = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`${device} ${width}px: scrollHeight ${tall}px`);
  if (out) await page.screenshot({ path: `${out}/${name}-${device}.png`, fullPage: true });
  await page.close();
}
await browser.close();
