// Screenshots of the facilitator's desk as a facilitator goes through it: home, ticket
// cards just opened (and as printed: A4 and Letter PDFs, print-media screenshot), the
// session page, the "replace unused cards" confirmation, the fresh cards, and their reload.
// Changes the database: it opens a ticketed session with 5 cards and replaces them.
//
// Usage: node desk-shots.mjs BASE_URL OUT_DIR FACILITATOR_EMAIL PASSWORD
import { launch, signIn } from "./common.mjs";
const [base, out, email, password] = process.argv.slice(2);
const browser = await launch();
for (const [device, width, height] of [["phone", 390, 844], ["desktop", 1280, 900]]) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await signIn(page, base, email, password);
  await page.screenshot({ path: `${out}/home-${device}.png`, fullPage: true });
  await page.goto(base + "/staff/sessions");
  await page.fill('input[name="tickets"]', "5");
  await Promise.all([page.waitForNavigation(), page.click('form.grid-form button[type="submit"]')]);
  await page.screenshot({ path: `${out}/cards-${device}.png`, fullPage: true });
  if (device === "desktop") {
    await page.pdf({ path: `${out}/cards-a4.pdf`, format: "A4" });
    await page.pdf({ path: `${out}/cards-letter.pdf`, format: "Letter" });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: `${out}/cards-print.png`, fullPage: true });
    await page.emulateMedia({ media: "screen" });
  }
  const url = page.url();
  await page.goto(url.replace(/\/tickets$/, ""));
  await page.screenshot({ path: `${out}/session-${device}.png`, fullPage: true });
  await page.goto(url.replace(/\/tickets$/, "/replace-cards"));
  await page.screenshot({ path: `${out}/replace-${device}.png`, fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click('form[action$="replace-cards"] button[type="submit"]')]);
  await page.screenshot({ path: `${out}/replaced-${device}.png`, fullPage: true });
  await page.reload();
  await page.screenshot({ path: `${out}/replaced-reload-${device}.png`, fullPage: true });
  await context.close();
}
await browser.close();
