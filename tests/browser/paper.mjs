// The paper form as printed: signs in as a facilitator, opens a session's paper form in
// each language, and prints it to PDF at A4 and at US Letter (Chromium's print path).
// Usage: node paper.mjs BASE_URL OUT_DIR EMAIL PASSWORD SESSION_CODE [LANG,LANG…]
//   (the languages default to en,es)
// Writes OUT_DIR/paper-{lang}-{format}.pdf; the Rust test counts their pages and renders
// them to images with pdftoppm.
import { mkdirSync } from "node:fs";
import { launch, signIn } from "./common.mjs";

const [base, out, email, password, code, langs = "en,es"] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await launch();
const page = await browser.newPage();
await signIn(page, base, email, password);
for (const lang of langs.split(",")) {
  await page.goto(`${base}/staff/sessions/${code}/paper?lang=${lang}`);
  await page.emulateMedia({ media: "print" });
  for (const format of ["A4", "Letter"]) {
    await page.pdf({ path: `${out}/paper-${lang}-${format}.pdf`, format, printBackground: true });
  }
}
await browser.close();
console.log("paper: printed");
