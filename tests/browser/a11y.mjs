// Opens each page in headless Chromium (Debian's /usr/bin/chromium) at a phone and a
// desktop width (and a tablet's with HEARTH_VIEWPORTS=all), saves a screenshot, and runs
// axe-core. Exits 1 when any page has a serious or critical violation, or is laid out
// against its reading direction (see `direction`).
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
  for (let i = 0; i < 14 && !seen.startsWith("belong="); i++) {
    await page.keyboard.press("Tab");
    seen = await at();
  }
  // The arrow toward the end of the line moves to the next answer: right in a
  // left-to-right page, left in a right-to-left one (where 1 is at the right).
  const rtl = await page.evaluate(() => document.documentElement.dir === "rtl");
  await page.keyboard.press(rtl ? "ArrowLeft" : "ArrowRight");
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

// A page's layout follows its direction: `dir="rtl"` exactly for Arabic; on a form, each
// statement's answers run from the start of the line — 1 at the left in a left-to-right
// page, at the right in a right-to-left one — while value 1 stays "strongly disagree"
// (its label is the first answer's words: the Rust tests check the words per language);
// the language switch starts at the line's start too, and code inputs stay left to right.
async function direction(page, label) {
  const found = await page.evaluate(() => {
    const html = document.documentElement;
    const problems = [];
    const rtl = html.dir === "rtl";
    if (rtl !== (html.lang === "ar")) problems.push(`lang ${html.lang} with dir ${html.dir}`);
    if (getComputedStyle(document.body).direction !== (rtl ? "rtl" : "ltr")) problems.push("body direction");
    const x = (el) => { const r = el.getBoundingClientRect(); return r.left + r.width / 2; };
    for (const fieldset of document.querySelectorAll("fieldset.item")) {
      const one = fieldset.querySelector('.scale input[value="1"]');
      const five = fieldset.querySelector('.scale input[value="5"]');
      if (!one || !five) continue;
      const [a, b] = [x(one.parentElement), x(five.parentElement)];
      if (rtl ? !(a > b) : !(a < b)) problems.push(`${one.name}: 1 at ${Math.round(a)}, 5 at ${Math.round(b)}`);
      const ends = fieldset.querySelector(".ends");
      if (ends && getComputedStyle(ends).display !== "none") {
        const [low, high] = ends.children;
        if (rtl ? !(x(low) > x(high)) : !(x(low) < x(high))) problems.push(`${one.name}: end labels against the scale`);
      }
    }
    const langs = [...document.querySelectorAll(".langs a")];
    if (langs.length > 1) {
      const [first, second] = langs;
      const sameLine = Math.abs(first.getBoundingClientRect().top - second.getBoundingClientRect().top) < 4;
      if (sameLine && (rtl ? !(x(first) > x(second)) : !(x(first) < x(second)))) problems.push("language switch runs against the page");
      for (const a of langs) {
        const r = a.getBoundingClientRect();
        if (r.height < 24 || r.width < 24) problems.push(`language link ${a.textContent} is ${Math.round(r.width)}×${Math.round(r.height)} px`);
      }
    }
    for (const input of document.querySelectorAll("#code, #ticket")) {
      if (getComputedStyle(input).direction !== "ltr") problems.push(`#${input.id} is not left to right`);
    }
    return problems;
  });
  for (const problem of found) console.log(`${label}: ${problem}`);
  return found.length;
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
    failed += await direction(page, `${name} (${device})`);
    if (name.startsWith("form")) failed += await keyboard(page, `${name} (${device})`);
    await page.close();
  }
}
await browser.close();
console.log(`${pages.length * viewports.length} page views checked, ${failed} serious or critical problems`);
process.exit(failed > 0 ? 1 : 0);
