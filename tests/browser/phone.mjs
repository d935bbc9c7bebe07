// Staff figure pages on a phone (390 px) and a desktop (1280 px): signs in as each account
// and, on each of its pages, measures what a reader gets.
//   - Every label of every chart shown is drawn at 12 px or more: its font size (in the
//     SVG's units) times the scale the SVG is drawn at.
//   - No table or chart runs off the right of the screen, unless it is in a container that
//     scrolls sideways and shows that it does: a shadow on its side (a gradient background)
//     or a visible hint inside it.
//   - Where a path is marked "lead:", the page's first chart starts within the first
//     screen, so a manager sees figures before explanations.
// Saves a screenshot of each view and exits 1 on any problem.
//
// Usage: node phone.mjs BASE_URL OUT_DIR name=email:password:path[,path…] …
import { mkdirSync } from "node:fs";
import { account, launch, signIn } from "./common.mjs";

const [base, out, ...accounts] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

// Runs in the page: a list of problems.
function measure(lead) {
  const problems = [];
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  const name = (e) => e.getAttribute("aria-label") || e.closest("[aria-label]")?.getAttribute("aria-label")
    || e.closest("section")?.querySelector("h2")?.innerText || e.tagName;
  const charts = [...document.querySelectorAll("svg.chart")].filter(shown);
  let labels = 0;
  for (const svg of charts) {
    let smallest = Infinity;
    let smallestText = "";
    for (const t of svg.querySelectorAll("text")) {
      if (!shown(t) || t.textContent.trim() === "") continue;
      const m = t.getScreenCTM();
      const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      labels++;
      if (px < smallest) [smallest, smallestText] = [px, t.textContent.trim()];
    }
    if (smallest < 12) problems.push(`chart "${name(svg)}": "${smallestText}" is ${smallest.toFixed(1)} px`);
  }
  // The scroll container that holds `e`, if one does.
  const scroller = (e) => {
    for (let p = e.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === "auto" || o === "scroll") return p;
    }
    return null;
  };
  const cued = (box) => /gradient/.test(getComputedStyle(box).backgroundImage)
    || [...box.querySelectorAll(".scroll-hint")].some(shown);
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("table, svg.chart")].filter(shown);
  for (const e of wide) {
    const r = e.getBoundingClientRect();
    const box = scroller(e);
    if (box && box !== document.documentElement && box !== document.body) {
      const b = box.getBoundingClientRect();
      if (b.right > width + 1) problems.push(`"${name(e)}": its scroll container runs off the screen (${Math.round(b.right)} px)`);
      if (box.scrollWidth > box.clientWidth + 1 && !cued(box)) problems.push(`"${name(e)}": scrolls sideways with no sign that it does`);
    } else if (r.right > width + 1) {
      problems.push(`"${name(e)}" runs off the screen (${Math.round(r.right)} of ${width} px)`);
    }
  }
  // Every cell of every table can be reached: on the screen, or in a scroll container.
  for (const cell of [...document.querySelectorAll("td, th")].filter(shown)) {
    const r = cell.getBoundingClientRect();
    if (r.right > width + 1 && !scroller(cell)) problems.push(`a cell of "${name(cell)}" is off the screen: ${cell.innerText.slice(0, 30)}`);
  }
  let first = null;
  if (lead) {
    first = charts.length ? charts[0].getBoundingClientRect().top + window.scrollY : Infinity;
    if (first > window.innerHeight) problems.push(`the first chart starts ${Math.round(first)} px down, below the first screen`);
  }
  return { problems, charts: charts.length, labels, first };
}

const browser = await launch();
let failed = 0;
let views = 0;
for (const spec of accounts) {
  const { name: who, email, password, paths } = account(spec);
  for (const [device, width, height] of [["phone", 390, 844], ["desktop", 1280, 900]]) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await signIn(page, base, email, password);
    for (const [k, entry] of paths.entries()) {
      const lead = entry.startsWith("lead:");
      const path = lead ? entry.slice(5) : entry;
      const response = await page.goto(base + path);
      views++;
      if (!response || response.status() !== 200) {
        console.log(`${who} (${device}) ${path}: answered ${response && response.status()}`);
        failed++;
        continue;
      }
      await page.screenshot({ path: `${out}/figures-${who}-${k}-${device}.png`, fullPage: true });
      const seen = await page.evaluate(measure, lead);
      if (seen.charts === 0) {
        console.log(`${who} (${device}) ${path}: no chart shown`);
        failed++;
      }
      for (const p of seen.problems) console.log(`${who} (${device}) ${path}: ${p}`);
      failed += seen.problems.length;
      const where = seen.first === null ? "" : `, the first at ${Math.round(seen.first)} px`;
      console.log(`${who} (${device}) ${path}: ${seen.charts} charts, ${seen.labels} labels${where}`);
    }
    await context.close();
  }
}
await browser.close();
console.log(`${views} figure page views checked, ${failed} problems`);
process.exit(failed > 0 ? 1 : 0);
