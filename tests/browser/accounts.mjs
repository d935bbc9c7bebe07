// Screenshots and checks of the staff account pages at a phone and a desktop width, in
// headless Chromium: the users page, an account's edit page, the three confirmation pages
// (reset, deactivate, remove — opened, not sent), the users page showing a one-time
// password after a reset, the forced change-password page that password leads to, and an
// admin's own "Your account" page. Exits 1 on an unexpected page or any serious or
// critical accessibility violation.
//
// Usage: node accounts.mjs BASE_URL OUT_DIR ADMIN_EMAIL ADMIN_PASSWORD TARGET_EMAIL
//   TARGET_EMAIL's password is reset (once per width): use a demo account.
import { mkdirSync } from "node:fs";
import { check, launch, viewports } from "./common.mjs";

const [base, out, adminEmail, adminPassword, target] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const browser = await launch();
let failed = 0;
let views = 0;

async function signIn(page, email, password) {
  await page.goto(base + "/staff/sign-in");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.click('main button[type="submit"]')]);
}

async function shot(page, label, name, expectPath) {
  views++;
  if (expectPath && !page.url().endsWith(expectPath)) {
    console.log(`${label}: expected ${expectPath}, at ${page.url()}`);
    failed++;
  }
  failed += await check(page, label, `${out}/accounts-${name}.png`);
}

for (const [device, width, height] of viewports) {
  const admin = await (await browser.newContext({ viewport: { width, height }, bypassCSP: true })).newPage();
  await signIn(admin, adminEmail, adminPassword);
  await admin.goto(base + "/staff/admin/users");
  await shot(admin, `users (${device})`, `users-${device}`, "/staff/admin/users");
  const row = admin.locator("tr", { hasText: target });
  const edit = await row.locator("a", { hasText: "Change role" }).getAttribute("href");
  await admin.goto(base + edit);
  await shot(admin, `edit (${device})`, `edit-${device}`, edit);
  for (const action of ["deactivate", "remove", "reset-password"]) {
    await admin.goto(base + edit + "/" + action);
    await shot(admin, `confirm ${action} (${device})`, `confirm-${action}-${device}`, edit + "/" + action);
  }
  // On the reset confirmation page: reset, and see the one-time password once.
  await Promise.all([admin.waitForNavigation(), admin.click("form.confirm button")]);
  await shot(admin, `one-time password (${device})`, `one-time-${device}`, "/staff/admin/users");
  const oneTime = (await admin.textContent(".one-time-password")).trim();
  await admin.reload();
  if (await admin.isVisible(".one-time-password")) {
    console.log(`one-time password (${device}): shown again after a reload`);
    failed++;
  }
  await admin.goto(base + "/staff/account");
  await shot(admin, `your account (${device})`, `account-${device}`, "/staff/account");

  const owner = await (await browser.newContext({ viewport: { width, height }, bypassCSP: true })).newPage();
  await signIn(owner, target, oneTime);
  await shot(owner, `forced change (${device})`, `forced-change-${device}`, "/staff/account");
  await owner.fill('input[name="current"]', "wrong one-time password");
  await owner.fill('input[name="new"]', "mismatch one here");
  await owner.fill('input[name="again"]', "mismatch two here");
  await Promise.all([owner.waitForNavigation(), owner.click('main button[type="submit"]')]);
  await shot(owner, `forced change refused (${device})`, `forced-change-refused-${device}`, "/staff/account");
  await owner.context().close();
  await admin.context().close();
}
await browser.close();
console.log(`${views} account page views checked, ${failed} problems`);
process.exit(failed > 0 ? 1 : 0);
