// The admin's catalog and privacy pages in headless Chromium (Debian's), at a phone and a
// desktop width: the catalog, a rename page, the archive and restore confirmation pages
// (archiving a circle through them), the privacy settings form, its preview, and the
// form refused on a change of mechanism. Saves screenshots, checks nothing scrolls
// sideways, that every button is fully on screen, and runs axe-core. Exits 1 on any
// problem.
//
// Usage: node catalog.mjs BASE_URL OUT_DIR EMAIL PASSWORD PROGRAM_ID CIRCLE_ID
import { mkdirSync } from "node:fs";
import { check, launch, viewports } from "./common.mjs";

const [base, out, email, password, program, circle] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

// Every visible button lies fully inside the viewport's width.
async function buttonsOnScreen(page, label) {
  const cut = await page.evaluate(() => [...document.querySelectorAll("button")]
    .filter((b) => b.offsetParent !== null)
    .map((b) => b.getBoundingClientRect())
    .filter((r) => r.left < 0 || r.right > window.innerWidth).length);
  if (cut > 0) console.log(`${label}: ${cut} button(s) cut off`);
  return cut > 0 ? 1 : 0;
}

const browser = await launch();
let failed = 0;
let views = 0;
for (const [device, width, height] of viewports) {
  const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(base + "/staff/sign-in");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForLoadState(), page.click('button[type="submit"]')]);
  const shot = async (name) => {
    views++;
    failed += await check(page, `${name} (${device})`, `${out}/catalog-${name}-${device}.png`);
    failed += await buttonsOnScreen(page, `${name} (${device})`);
  };
  const visit = async (name, path) => {
    const response = await page.goto(base + path);
    if (!response || response.status() !== 200) {
      console.log(`${name} (${device}): ${path} answered ${response && response.status()}`);
      failed++;
    }
    await shot(name);
  };
  await visit("catalog", "/staff/admin");
  await visit("rename", `/staff/admin/circles/${circle}/rename`);
  await visit("archive-program", `/staff/admin/programs/${program}/archive`);
  await visit("archive-circle", `/staff/admin/circles/${circle}/archive`);
  // Archive through the confirmation page, see the catalog marked, then restore.
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/archive"] button[type="submit"]')]);
  await shot("catalog-archived");
  await visit("restore-circle", `/staff/admin/circles/${circle}/restore`);
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/restore"] button[type="submit"]')]);

  await visit("privacy", "/staff/admin/privacy");
  await page.fill('input[name="budget"]', "0.5");
  await page.fill('input[name="manager_threshold"]', "7");
  await Promise.all([page.waitForNavigation(), page.click('form.settings-form button[type="submit"]')]);
  await shot("privacy-preview");
  await page.goto(base + "/staff/admin/privacy");
  await page.check('input[name="mechanism"][value="laplace"]');
  await Promise.all([page.waitForNavigation(), page.click('form.settings-form button[type="submit"]')]);
  await shot("privacy-mechanism-refused");
  await Promise.all([page.waitForNavigation(), page.click('form.settings-form button[type="submit"]')]);
  await shot("privacy-mechanism-preview");
  await context.close();
}
await browser.close();
console.log(`${views} catalog and privacy page views checked, ${failed} problems`);
process.exit(failed > 0 ? 1 : 0);
