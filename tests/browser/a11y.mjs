// Opens each page in headless Chromium (Debian's /usr/bin/chromium) at a phone and a
// desktop width, saves a screenshot, and runs axe-core. Exits 1 when any page has a
// serious or critical violation.
//
// Usage: node a11y.mjs BASE_URL OUT_DIR name=path [name=path …]
//   A path starting with "post:" submits the form at that path with an out-of-range
//   answer first, to check the refused form as a participant sees it.
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [base, out, ...pages] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"],
});
let failed = 0;
for (const spec of pages) {
  const at = spec.indexOf("=");
  const [name, target] = [spec.slice(0, at), spec.slice(at + 1)];
  for (const [device, width, height] of [["phone", 390, 844], ["desktop", 1280, 900]]) {
    // bypassCSP lets the checker's script in; the pages' CSP is tested by the Rust tests.
    const page = await browser.newPage({ viewport: { width, height }, bypassCSP: true });
    if (target.startsWith("post:")) {
      await page.goto(base + target.slice(5));
      await page.check('input[name="welcome"][value="4"]');
      // An out-of-range value, as a tampered form would send.
      await page.evaluate(() => {
        const input = document.querySelector('input[name="belong"][value="5"]');
        input.value = "9";
        input.checked = true;
      });
      await Promise.all([page.waitForLoadState(), page.click("button.send")]);
    } else {
      await page.goto(base + target);
    }
    await page.screenshot({ path: `${out}/${name}-${device}.png`, fullPage: true });
    const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    if (scrolls) {
      console.log(`${name} (${device}): scrolls sideways`);
      failed++;
    }
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    for (const v of result.violations) {
      console.log(`${name} (${device}): ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes)`);
    }
    failed += bad.length;
    await page.close();
  }
}
await browser.close();
console.log(`${pages.length * 2} page views checked, ${failed} serious or critical problems`);
process.exit(failed > 0 ? 1 : 0);
