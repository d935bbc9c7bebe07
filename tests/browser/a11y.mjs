// Opens each page in headless Chromium (Debian's /usr/bin/chromium) at a phone and a
// desktop width, saves a screenshot, and runs axe-core. Exits 1 when any page has a
// serious or critical violation.
//
// Usage: node a11y.mjs BASE_URL OUT_DIR name=path [name=path …]
//   A path starting with "post:" submits the form at that path with an out-of-range
//   answer first, to check the refused form as a participant sees it; "twice:" sends the
//   form, goes Back and sends it again, and expects to be told the answers were saved.
import { mkdirSync } from "node:fs";
import { check, launch, viewports } from "./common.mjs";

const [base, out, ...pages] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

// Keyboard only: Tab reaches the first statement's answers, the arrow keys move within
// them (choosing as they go), Tab goes on to the next statement, and the focused answer
// has a visible outline.
async function keyboard(page, label) {
  await page.goto(page.url());
  const at = () => page.evaluate(() => {
    const e = document.activeElement;
    return `${e.name}=${e.value}${e.checked ? " checked" : ""}`;
  });
  let seen = "";
  for (let i = 0; i < 6 && !seen.startsWith("belong="); i++) {
    await page.keyboard.press("Tab");
    seen = await at();
  }
  await page.keyboard.press("ArrowRight");
  const moved = await at();
  const outline = await page.evaluate(() => {
    const answer = document.activeElement.nextElementSibling;
    if (!answer) return false;
    const box = getComputedStyle(answer);
    return box.outlineStyle !== "none" && parseFloat(box.outlineWidth) >= 2;
  });
  await page.keyboard.press("Tab");
  const next = await at();
  const ok = seen === "belong=1" && moved === "belong=2 checked" && outline && next.startsWith("welcome=");
  if (!ok) console.log(`${label}: keyboard use failed (${seen} → ${moved} → ${next}, outline ${outline})`);
  return ok ? 0 : 1;
}

const browser = await launch();
let failed = 0;
for (const spec of pages) {
  const at = spec.indexOf("=");
  const [name, target] = [spec.slice(0, at), spec.slice(at + 1)];
  for (const [device, width, height] of viewports) {
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
    } else if (target.startsWith("twice:")) {
      // The same form sent twice, as the browser's "send again?" prompt, a double tap or a
      // page kept in history would send it: Send, then post the very same fields again
      // from the thanks page. The second must store nothing and say the answers were
      // saved (the Rust test counts what was stored). Going Back to the form must not
      // show the answers again in a fresh drawing of it.
      await page.goto(base + target.slice(6));
      await page.check('input[name="belong"][value="4"]');
      const fields = await page.evaluate(() => [...new FormData(document.querySelector("form.survey, form[method=post]"))]);
      const action = await page.evaluate(() => document.querySelector("form.survey, form[method=post]").action);
      await Promise.all([page.waitForNavigation(), page.click("button.send")]);
      await Promise.all([page.waitForNavigation(), page.evaluate(([action, fields]) => {
        const form = document.createElement("form");
        form.method = "post";
        form.action = action;
        for (const [name, value] of fields) {
          const input = document.createElement("input");
          input.type = "hidden";
          input.name = name;
          input.value = value;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      }, [action, fields])]);
      const said = await page.textContent("body");
      if (!said.includes("already saved")) {
        console.log(`${name} (${device}): the same form sent again did not say the answers were saved: ${said.replace(/\s+/g, " ").slice(0, 200)}`);
        failed++;
      }
      await page.goBack();
      await page.goBack();
      await page.waitForLoadState();
      if (await page.isChecked('input[name="belong"][value="4"]')) {
        console.log(`${name} (${device}): Back to the form shows the answers sent into a new form`);
        failed++;
      }
    } else {
      await page.goto(base + target);
    }
    failed += await check(page, `${name} (${device})`, `${out}/${name}-${device}.png`);
    if (name.startsWith("form")) failed += await keyboard(page, `${name} (${device})`);
    await page.close();
  }
}
await browser.close();
console.log(`${pages.length * 2} page views checked, ${failed} serious or critical problems`);
process.exit(failed > 0 ? 1 : 0);
