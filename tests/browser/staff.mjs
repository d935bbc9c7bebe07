// Signs in as each staff account in headless Chromium (Debian's /usr/bin/chromium), opens
// its pages at a phone and a desktop width, saves screenshots, checks nothing scrolls
// sideways, that no figure contradicts its legend and every participant link follows the
// server's address, and runs axe-core. Exits 1 on a failed sign-in, an unexpected page, or any
// serious or critical accessibility violation.
//
// Usage: [HEARTH_LOCALE=es-MX] node staff.mjs BASE_URL OUT_DIR name=email:password:path[,path…] …
//   A path "open:N" opens a session at the facilitator's desk with N ticket cards;
//   "confirm-close", on a session's page, follows "Close the session now…" to its
//   confirmation page (which closes nothing by itself).
import { mkdirSync } from "node:fs";
import { check, launch, viewports } from "./common.mjs";

const [base, out, ...accounts] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const browser = await launch();
let failed = 0;
let views = 0;
for (const spec of accounts) {
  const at = spec.indexOf("=");
  const name = spec.slice(0, at);
  const [email, password, ...rest] = spec.slice(at + 1).split(":");
  const paths = rest.join(":");
  for (const [device, width, height] of viewports) {
    // HEARTH_LOCALE=es-MX: the browser asks for that language (Accept-Language), as a
    // Spanish-speaking manager's would.
    const locale = process.env.HEARTH_LOCALE ? { locale: process.env.HEARTH_LOCALE } : {};
    const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true, ...locale });
    const page = await context.newPage();
    await page.goto(base + "/staff");
    if (!page.url().includes("/staff/sign-in")) {
      console.log(`${name} (${device}): signed-out /staff did not lead to the sign-in form (${page.url()})`);
      failed++;
    }
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await Promise.all([page.waitForLoadState(), page.click('button[type="submit"]')]);
    if (!(await page.isVisible('form.sign-out'))) {
      console.log(`${name} (${device}): sign-in failed`);
      failed++;
      await context.close();
      continue;
    }
    for (const [k, path] of paths.split(",").entries()) {
      let response;
      if (path.startsWith("open:")) {
        // Opens a session at the facilitator's desk with this many ticket cards (0: none),
        // and checks the page it leads to (the session's code and QR, or the cards).
        await page.goto(base + "/staff/sessions");
        await page.fill('input[name="tickets"]', path.slice(5) === "0" ? "" : path.slice(5));
        [response] = await Promise.all([page.waitForNavigation(), page.click('form.grid-form button[type="submit"]')]);
      } else if (path === "confirm-close") {
        [response] = await Promise.all([page.waitForNavigation(), page.click('a.button[href$="/close"]')]);
      } else {
        response = await page.goto(base + path);
      }
      views++;
      if (!response || response.status() !== 200) {
        console.log(`${name} (${device}): ${path} answered ${response && response.status()}`);
        failed++;
      }
      failed += await check(page, `${name} (${device}) ${path}`, `${out}/staff-${name}-${k}-${device}.png`);
      // A browser that asks for a staff language gets the page in it (`<html lang>`).
      const asked = (process.env.HEARTH_LOCALE || "").split("-")[0];
      const lang = await page.evaluate(() => document.documentElement.lang);
      if (asked && lang !== asked) {
        console.log(`${name} (${device}) ${path}: asked for ${asked}, got lang="${lang}"`);
        failed++;
      }
      // Every participant link a page prints or links to (session links, QR captions,
      // kiosk links) follows the address this server was reached at, not a default.
      const links = await page.evaluate(() => {
        const text = document.body.textContent.match(/https?:\/\/[^\s"'<>]+\/s\/[^\s"'<>]+/g) || [];
        const hrefs = [...document.querySelectorAll("a[href*='/s/']")].map((a) => a.href);
        return [...text, ...hrefs];
      });
      for (const link of links.filter((l) => !l.startsWith(base + "/s/"))) {
        console.log(`${name} (${device}) ${path}: a participant link points elsewhere: ${link}`);
        failed++;
      }
    }
    await context.close();
  }
}
await browser.close();
console.log(`${views} staff page views checked, ${failed} problems`);
process.exit(failed > 0 ? 1 : 0);
