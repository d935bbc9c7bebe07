// The printed reports: signs in, opens each report, prints it to PDF at A4 and at US
// Letter (Chromium's print path, as a reader's "Save as PDF" does), and reads each page
// back with poppler's pdftotext. A page whose last line of text is a heading of the report
// has left that heading stranded at its foot, away from what it introduces: a problem; so
// is a page that ends with a heading and the paragraph introducing its chart or table,
// the chart or table on the next page.
// Each page is also rendered to a PNG (pdftoppm, 60 dpi) to look at.
//
// Usage: node print.mjs BASE_URL OUT_DIR name=email:password:path …
// Writes OUT_DIR/print-{name}-{A4|Letter}.pdf and print-{name}-{format}-{page}.png; exits 1
// on a stranded heading, a failed sign-in or a page that did not load.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { account, launch, signIn } from "./common.mjs";

const [base, out, ...reports] = process.argv.slice(2);
mkdirSync(out, { recursive: true });

const squash = (s) => s.replace(/\s+/g, " ").trim();

// The text of each page of a PDF, as pdftotext lays it out.
function pages(pdf) {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  return Array.from({ length: count }, (_, k) =>
    execFileSync("pdftotext", ["-layout", "-f", `${k + 1}`, "-l", `${k + 1}`, pdf, "-"], { encoding: "utf8" }));
}

const browser = await launch();
let failed = 0;
let printed = 0;
for (const spec of reports) {
  const { name, email, password, paths: [path] } = account(spec);
  const page = await browser.newPage();
  await signIn(page, base, email, password);
  const response = await page.goto(base + path);
  if (!response || response.status() !== 200) {
    console.log(`${name}: ${path} answered ${response && response.status()}`);
    failed++;
    await page.close();
    continue;
  }
  await page.emulateMedia({ media: "print" });
  // Every heading a reader would see on paper, as its words, with the words of the
  // paragraph under it when that paragraph introduces a chart, a table or a list.
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll("h1, h2, h3, h4, figcaption, caption")]
      .filter((h) => h.getClientRects().length > 0)
      .map((h) => {
        const words = (e) => e.innerText.replace(/\s+/g, " ").trim();
        const next = h.nextElementSibling;
        const introduces = next && next.tagName === "P"
          && ["FIGURE", "DIV", "TABLE", "UL", "OL", "DL"].includes(next.nextElementSibling?.tagName);
        return { text: words(h), intro: introduces ? words(next) : "" };
      })
      .filter((h) => h.text.length > 0));
  if (headings.length < 3) {
    console.log(`${name}: only ${headings.length} headings found`);
    failed++;
  }
  for (const format of ["A4", "Letter"]) {
    const pdf = `${out}/print-${name}-${format}.pdf`;
    await page.pdf({ path: pdf, format, printBackground: true });
    printed++;
    const texts = pages(pdf);
    for (const old of readdirSync(out).filter((f) => f.startsWith(`print-${name}-${format}-`))) rmSync(`${out}/${old}`);
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, `${out}/print-${name}-${format}`]);
    texts.forEach((text, k) => {
      const lines = text.split("\n").map(squash).filter((l) => l.length > 0);
      // A page ends with a heading when its last line, or its last two or three lines (a
      // heading that wraps), are the heading's words — or when all that follows the
      // heading on the page is (the start of) the paragraph introducing what it heads.
      for (let at = lines.length - 1; at >= 0 && at >= lines.length - 12; at--) {
        const rest = squash(lines.slice(at + 1).join(" "));
        const heading = headings.find((h) =>
          [1, 2, 3].some((n) => n <= at + 1 && squash(lines.slice(at + 1 - n, at + 1).join(" ")) === h.text)
          && (rest === "" || (h.intro !== "" && h.intro.startsWith(rest))));
        if (heading) {
          const what = rest === "" ? "" : " and the start of its introduction";
          console.log(`${name} (${format}) page ${k + 1} of ${texts.length}: ends with the heading "${heading.text}"${what}`);
          failed++;
          break;
        }
      }
    });
    console.log(`${name} (${format}): ${texts.length} pages`);
  }
  await page.close();
}
await browser.close();
console.log(`${printed} printed reports checked, ${failed} problems`);
process.exit(failed > 0 ? 1 : 0);
