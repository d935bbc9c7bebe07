// What both browser checkers share: Debian's Chromium, started as the machine allows, and
// the per-page check (no sideways scrolling, no serious or critical axe-core violation).
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// Phone and desktop; with HEARTH_VIEWPORTS=all, a tablet (768 px) between them.
export const viewports = process.env.HEARTH_VIEWPORTS === "all"
  ? [["phone", 390, 844], ["tablet", 768, 1024], ["desktop", 1280, 900]]
  : [["phone", 390, 844], ["desktop", 1280, 900]];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

// Saves a full-page screenshot and returns how many problems the page has, logging each.
// `disabled` names axe rules not run on this page, each for a reason its caller states.
export async function check(page, label, screenshot, disabled = []) {
  await page.screenshot({ path: screenshot, fullPage: true });
  let problems = 0;
  const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  if (scrolls) {
    console.log(`${label}: scrolls sideways`);
    problems++;
  }
  for (const figure of await contradictions(page)) {
    console.log(`${label}: a figure reads "${figure}", which its legend rules out`);
    problems++;
  }
  await page.addScriptTag({ content: axeSource });
  const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
  const result = await page.evaluate(async (rules) => await window.axe.run(document, { resultTypes: ["violations"], rules }), rules);
  for (const v of result.violations) {
    console.log(`${label}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes)`);
    if (v.impact === "serious" || v.impact === "critical") problems++;
  }
  return problems;
}

// Signs in through the staff sign-in form.
export async function signIn(page, base, email, password) {
  await page.goto(base + "/staff/sign-in");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForLoadState(), page.click('button[type="submit"]')]);
}

// "name=email:password:path[,path…]" as { name, email, password, paths }.
export function account(spec) {
  const at = spec.indexOf("=");
  const [email, password, ...rest] = spec.slice(at + 1).split(":");
  return { name: spec.slice(0, at), email, password, paths: rest.join(":").split(",") };
}

// Figures that contradict the legend every staff page carries: a value at a bound with a
// ± ("100% ±", "0% ±", "5.0 ±", "100" over "±17" in a heatmap cell: those read as a
// range, "91–100%"), a share whose noise
// range runs past 0 or 100 % ("9% ± 16", or "9" over "±16" in a heatmap cell: those read
// "0–25%"), or a margin of nothing ("± 0", "±0.0": those read "< 1"). Read from the
// page's text, charts (SVG, where every figure with a ± is a share) included.
export async function contradictions(page) {
  // Text nodes in page order; a table cell's text is kept apart from its neighbours' (a
  // count of 100 beside a margin column is not "100 ±").
  const [text, drawn] = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let [out, svg] = ["", ""];
    let cell = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent.closest("script, style")) continue;
      if (parent.closest("svg")) {
        svg += " " + node.textContent;
        continue;
      }
      const within = parent.closest("td, th");
      out += (within !== cell ? " | " : " ") + node.textContent;
      cell = within;
    }
    return [out.replace(/\s+/g, " "), svg.replace(/\s+/g, " ")];
  });
  const found = [];
  const around = (t, m) => t.slice(Math.max(0, m.index - 12), m.index + m[0].length + 6);
  // In the page's text a share carries "%" (a count of 100 ± 4 is a count); in a chart
  // every figure with a ± is a share.
  // A decimal point or, on a Spanish page, a decimal comma ("5,0 ±", "± 0,3"); "%" after a
  // space or a no-break space ("72 %"), which \s matches.
  const rules = [
    [text, /(?<![\d.,])(?:100|0)(?:[.,]0)?\s?%\s?±/g],
    [drawn, /(?<![\d.,])(?:100|0)(?:[.,]0)?\s?%?\s?±/g],
    [text, /(?<![\d.,])(?:1|5)[.,]0\s?±/g],
    [text, /±\s?0(?:[.,]0)?(?![.,]?\d)/g],
    [drawn, /±\s?0(?:[.,]0)?(?![.,]?\d)/g],
  ];
  for (const [t, rule] of rules) for (const m of t.matchAll(rule)) found.push(around(t, m));
  // A share past its bounds (one point of slack for rounding).
  const past = (m) => Number(m[1]) - Number(m[2]) < -1 || Number(m[1]) + Number(m[2]) > 101;
  for (const m of text.matchAll(/(?<![\d.,])(\d{1,3})\s?%\s?±\s?(\d+)(?![.,]?\d)/g)) if (past(m)) found.push(around(text, m));
  for (const m of drawn.matchAll(/(?<![\d.,])(\d{1,3})\s?%?\s?±\s?(\d+)(?![.,]?\d)/g)) if (past(m)) found.push(around(drawn, m));
  return found;
}
