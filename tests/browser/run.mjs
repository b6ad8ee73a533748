// Browser tests of a built launchpad site in headless Chromium, driven by
// Playwright. Run by tests/browser.rs as: node run.mjs SITE_DIR GROUP
// GROUP is one of: filters, history, no-js, copy, axe.
// Prints one line per check and a closing "N passed, M failed" line.
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";

const [root, group] = [path.resolve(process.argv[2]), process.argv[3]];
const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain",
  ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp",
};

// A static server for the built site: folders serve index.html, misses 404.html.
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  let file = path.join(root, decodeURIComponent(url.pathname));
  if (!file.startsWith(root)) { res.writeHead(400); res.end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  if (!fs.existsSync(file)) {
    res.writeHead(404, { "content-type": TYPES[".html"] });
    res.end(fs.readFileSync(path.join(root, "404.html")));
    return;
  }
  res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
  res.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});
const index = JSON.parse(fs.readFileSync(path.join(root, "stories.json"), "utf8")).stories;

let passed = 0, failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e && e.stack || e).split("\n").join("\n  ")}`);
  }
}

async function page(options = {}) {
  const context = await browser.newContext(options);
  const p = await context.newPage();
  p.on("pageerror", (e) => { throw new Error(`script error on ${p.url()}: ${e.message}`); });
  return p;
}

async function ready(p, url) {
  await p.goto(base + url);
  await p.waitForSelector("[data-filter-root][data-ready]");
}

const visibleCards = (p) => p.locator(".results .cards:not([hidden]) .card").count();
const headingText = (p) => p.locator("#results-heading").innerText();
const facet = (p, key, value) => p.locator(`button[data-facet="${key}"][data-value="${value}"]`);
const query = (p) => new URL(p.url()).searchParams;
const expected = (test) => index.filter(test).length;

const groups = {
  async filters() {
    await check("clicking a facet filters the cards and updates the count and the URL", async () => {
      const p = await page();
      await ready(p, "/");
      await facet(p, "dept", "product").click();
      const n = expected((s) => s.departments.includes("product"));
      assert.ok(n > 0);
      assert.equal(await visibleCards(p), n);
      assert.equal(await headingText(p), `${n} ${n === 1 ? "story matches" : "stories match"}`);
      assert.equal(query(p).get("dept"), "product");
      assert.match(await p.locator("#filter-status").innerText(), new RegExp(`^${n} `));
      assert.equal(await facet(p, "dept", "product").getAttribute("aria-pressed"), "true");
      assert.equal(await p.locator(".pagination").isVisible(), false);
    });
    await check("facets combine: department AND starting role AND destination", async () => {
      const p = await page();
      await ready(p, "/");
      await facet(p, "from", "agent").click();
      await facet(p, "dept", "product").click();
      await facet(p, "to", "product-manager").click();
      const n = expected((s) => s.start === "agent" && s.departments.includes("product") && s.destination === "product-manager");
      assert.equal(n, 1);
      assert.equal(await visibleCards(p), 1);
      assert.deepEqual([...query(p).keys()].sort(), ["dept", "from", "to"]);
      await facet(p, "to", "product-manager").click();
      assert.equal(query(p).get("to"), null, "clicking a pressed facet clears it");
      assert.equal(await visibleCards(p), expected((s) => s.start === "agent" && s.departments.includes("product")));
    });
    await check("filtering covers every story, not only the first page", async () => {
      const p = await page();
      await ready(p, "/");
      const pageSize = Number(await p.locator("[data-filter-root]").getAttribute("data-page-size"));
      const serverCards = await p.locator(".results .cards .card").count();
      assert.ok(index.length > pageSize && serverCards === pageSize, "the fixture has more stories than one page");
      await facet(p, "from", "agent").click();
      assert.equal(await visibleCards(p), pageSize);
      while (await p.locator(".show-more").isVisible()) await p.locator(".show-more").click();
      assert.equal(await visibleCards(p), expected((s) => s.start === "agent"));
      assert.equal(await visibleCards(p), index.length);
    });
    await check("on a phone, agents who moved into Product are two taps away", async () => {
      const p = await page({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      await ready(p, "/");
      const group = p.locator('details[data-facet-group="dept"]');
      assert.equal(await group.getAttribute("open"), null, "facet groups start closed on a phone");
      await group.locator("summary").tap();
      await facet(p, "dept", "product").tap();
      const n = expected((s) => s.start === "agent" && s.departments.includes("product"));
      assert.ok(n > 0);
      assert.equal(await visibleCards(p), n);
      assert.equal(query(p).get("dept"), "product");
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the page does not scroll sideways (${width}px)`);
    });
    await check("facets are keyboard-usable: Enter and Space toggle a focused facet", async () => {
      const p = await page();
      await ready(p, "/");
      const button = facet(p, "loc", index[0].location_id);
      await button.focus();
      await p.keyboard.press("Enter");
      assert.equal(await button.getAttribute("aria-pressed"), "true");
      assert.equal(await visibleCards(p), expected((s) => s.location_id === index[0].location_id));
      await p.keyboard.press("Space");
      assert.equal(await button.getAttribute("aria-pressed"), "false");
      assert.equal(query(p).get("loc"), null);
      let tabs = 0;
      await p.locator("body").focus();
      while (tabs < 60) {
        await p.keyboard.press("Tab");
        tabs++;
        if (await p.evaluate(() => document.activeElement && document.activeElement.matches("button[data-facet]"))) break;
      }
      assert.ok(tabs < 60, "a facet button is reachable with Tab");
    });
  },

  async history() {
    await check("a facet change is a history entry: back and forward restore the view", async () => {
      const p = await page();
      await ready(p, "/?utm_source=recruiter");
      await facet(p, "dept", "product").click();
      await facet(p, "from", "agent").click();
      const both = expected((s) => s.departments.includes("product") && s.start === "agent");
      await p.goBack();
      assert.equal(query(p).get("from"), null);
      assert.equal(await facet(p, "from", "agent").getAttribute("aria-pressed"), "false");
      assert.equal(await visibleCards(p), expected((s) => s.departments.includes("product")));
      await p.goBack();
      assert.equal(query(p).get("dept"), null);
      assert.equal(await p.locator(".results .cards:not([hidden]) .card").count(), await p.locator(".results > .cards").first().locator(".card").count());
      await p.goForward();
      await p.goForward();
      assert.equal(await visibleCards(p), both);
      assert.equal(query(p).get("utm_source"), "recruiter", "parameters the page does not own are kept");
    });
    await check("opening a shared URL restores the filtered view", async () => {
      const p = await page();
      await ready(p, "/?to=product-manager&utm_source=recruiter");
      assert.equal(await facet(p, "to", "product-manager").getAttribute("aria-pressed"), "true");
      assert.equal(await visibleCards(p), expected((s) => s.destination === "product-manager"));
      await p.locator(".clear-filters").click();
      assert.equal(query(p).get("to"), null);
      assert.equal(query(p).get("utm_source"), "recruiter");
      assert.match(await p.locator("#filter-status").innerText(), /Filters cleared/);
    });
  },

  async "no-js"() {
    await check("without JavaScript every story is reachable through the pages", async () => {
      const p = await page({ javaScriptEnabled: false });
      const seen = new Set();
      let url = "/";
      while (url) {
        await p.goto(base + url);
        for (const href of await p.locator(".results .card h3 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) seen.add(href);
        url = await p.locator("a[rel=next]").getAttribute("href").catch(() => null);
      }
      assert.deepEqual([...seen].sort(), index.map((s) => s.url).sort());
    });
    await check("without JavaScript facets are links to pre-built filtered pages", async () => {
      const p = await page({ javaScriptEnabled: false });
      await p.goto(base + "/");
      await p.locator('a[data-facet="to"][data-value="product-manager"]').click();
      assert.equal(new URL(p.url()).pathname, "/destinations/product-manager/");
      assert.equal(await p.locator(".results .card").count(), expected((s) => s.destination === "product-manager"));
      await p.goto(base + "/");
      await p.locator('a[data-facet="dept"][data-value="product"]').click();
      assert.equal(await p.locator(".results .card").count(), expected((s) => s.departments.includes("product")));
    });
    await check("without JavaScript the career map still draws", async () => {
      const p = await page({ javaScriptEnabled: false });
      await p.goto(base + "/paths/");
      const box = await p.locator("svg.sankey").boundingBox();
      assert.ok(box && box.width > 300 && box.height > 100, "the diagram has a size");
      assert.ok(await p.locator("svg.sankey path.band").count() > 0);
      assert.equal(await p.locator("svg.sankey a").first().getAttribute("href"), "/roles/agent/");
    });
  },

  async copy() {
    await check("the copy button copies the canonical URL with the share query", async () => {
      const p = await page({ permissions: ["clipboard-read", "clipboard-write"] });
      await p.goto(base + "/stories/maria-santos/");
      const canonical = await p.locator("link[rel=canonical]").getAttribute("href");
      await p.locator(".copy-link").click();
      await p.waitForFunction(() => document.querySelector(".copy-status").textContent !== "");
      assert.equal(await p.locator(".copy-status").innerText(), "Link copied");
      const copied = await p.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, `${canonical}?utm_source=recruiter`);
    });
  },

  async axe() {
    const axe = fs.readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
    const pages = ["/", "/?dept=product", "/stories/maria-santos/", "/stories/joao-pereira/", "/roles/agent/",
      "/departments/product/", "/tags/night-shift/", "/destinations/product-manager/", "/paths/",
      "/collections/night-shift-heroes/", "/404.html", "/page/2/"];
    for (const colorScheme of ["light", "dark"]) {
      const p = await page({ colorScheme });
      for (const url of pages) {
        await check(`axe finds no violations on ${url} in ${colorScheme} mode`, async () => {
          await p.goto(base + url);
          if (url.startsWith("/?")) await p.waitForSelector("[data-ready]");
          await p.addScriptTag({ content: axe });
          const violations = await p.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations
            .map((v) => `${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + (n.failureSummary || "").replace(/\n/g, " ")).join("\n      ")}`));
          assert.deepEqual(violations, []);
        });
      }
    }
  },
};

try {
  if (!groups[group]) throw new Error(`unknown group ${group}`);
  await groups[group]();
} finally {
  await browser.close();
  server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
