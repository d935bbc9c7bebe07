// Screenshots and checks of the second factor at a phone and a desktop width, in headless
// Chromium, as a person uses it: the sign-in page (with its note on one-time passwords),
// "Your account" → set up an authenticator app (the QR code and the key), a wrong code
// refused, the right one (computed here from the key shown, as
// an app does) → the recovery codes shown once; then signing in again: the code page, a
// wrong code refused, the right one in; then the admin's users page (with the "require a
// second factor" setting), the account's edit page and the reset confirmation page.
// Exits 1 on an unexpected page or any serious or critical accessibility violation.
//
// Usage: node factor.mjs BASE_URL OUT_DIR ADMIN_EMAIL PASSWORD EMAIL_PHONE EMAIL_DESKTOP
//   Each of the two accounts (same password) enrols once, at its width.
import { createHmac } from "node:crypto";
import { mkdirSync } from "node:fs";
import { check, launch, viewports } from "./common.mjs";

const [base, out, adminEmail, password, ...emails] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

function base32(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0, value = 0;
  const bytes = [];
  for (const c of text.replace(/\s/g, "").toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

// RFC 6238 with HMAC-SHA-1, six digits, 30-second steps: what an authenticator app shows.
function totp(key, seconds) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(seconds / 30)));
  const h = createHmac("sha1", key).update(counter).digest();
  const o = h[19] & 15;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1_000_000).padStart(6, "0");
}

const browser = await launch();
let failed = 0;
let views = 0;

async function signIn(page, email) {
  await page.goto(base + "/staff/sign-in");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.click('main button[type="submit"]')]);
}

async function shot(page, label, name, expectPath) {
  views++;
  if (expectPath && !new URL(page.url()).pathname.endsWith(expectPath)) {
    console.log(`${label}: expected ${expectPath}, at ${page.url()}`);
    failed++;
  }
  failed += await check(page, label, `${out}/factor-${name}.png`);
}

async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

for (const [i, [device, width, height]] of viewports.entries()) {
  const email = emails[i];
  const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(base + "/staff/sign-in");
  await shot(page, `sign-in (${device})`, `sign-in-${device}`, "/staff/sign-in");
  await signIn(page, email);
  await page.goto(base + "/staff/account");
  await shot(page, `your account (${device})`, `account-${device}`, "/staff/account");
  await page.goto(base + "/staff/account/second-factor");
  await shot(page, `start (${device})`, `start-${device}`, "/staff/account/second-factor");
  await submit(page, 'main form button:has-text("Set up an authenticator app")');
  await shot(page, `scan (${device})`, `scan-${device}`, "/staff/account/second-factor");
  const key = base32(await page.textContent(".factor-secret"));
  const now = Date.now() / 1000;
  const wrong = totp(key, now) === "000000" ? "111111" : "000000";
  await page.fill('input[name="code"]', wrong);
  await submit(page, 'form[action$="/confirm"] button');
  await shot(page, `wrong code (${device})`, `wrong-${device}`, "/staff/account/second-factor/confirm");
  if (!(await page.isVisible('[role="alert"]'))) {
    console.log(`wrong code (${device}): no alert`);
    failed++;
  }
  await page.fill('input[name="code"]', totp(key, Date.now() / 1000));
  await submit(page, 'form[action$="/confirm"] button');
  await shot(page, `recovery codes (${device})`, `codes-${device}`, "/staff/account/second-factor");
  if ((await page.locator(".recovery-code").count()) !== 10) {
    console.log(`recovery codes (${device}): not ten`);
    failed++;
  }
  await context.close();

  // Signing in again: the password, then the code.
  const again = await (await browser.newContext({ viewport: { width, height }, bypassCSP: true })).newPage();
  await signIn(again, email);
  await shot(again, `code page (${device})`, `sign-in-code-${device}`, "/staff/sign-in/code");
  await again.fill('input[name="code"]', "999999" === totp(key, Date.now() / 1000 + 30) ? "888888" : "999999");
  await submit(again, 'main button[type="submit"]');
  await shot(again, `code refused (${device})`, `sign-in-refused-${device}`, "/staff/sign-in/code");
  await again.fill('input[name="code"]', totp(key, Date.now() / 1000 + 30));
  await submit(again, 'main button[type="submit"]');
  if (new URL(again.url()).pathname.startsWith("/staff/sign-in")) {
    console.log(`code (${device}): not signed in, at ${again.url()}`);
    failed++;
  }
  await again.context().close();

  // The admin's side.
  const admin = await (await browser.newContext({ viewport: { width, height }, bypassCSP: true })).newPage();
  await signIn(admin, adminEmail);
  await admin.goto(base + "/staff/admin/users");
  await shot(admin, `users (${device})`, `users-${device}`, "/staff/admin/users");
  const row = admin.locator("tr", { hasText: email });
  const edit = await row.locator("a", { hasText: "Change role" }).getAttribute("href");
  await admin.goto(base + edit);
  await shot(admin, `edit (${device})`, `edit-${device}`, edit);
  await admin.goto(base + edit + "/reset-second-factor");
  await shot(admin, `confirm reset (${device})`, `confirm-reset-${device}`, edit + "/reset-second-factor");
  await admin.context().close();
}
await browser.close();
console.log(`${views} second-factor page views checked, ${failed} problems`);
process.exit(failed > 0 ? 1 : 0);
