// Browser tests of a built launchpad site in headless Chromium, driven by
// Playwright. Run by tests/browser.rs as: node run.mjs SITE_DIR GROUP
// GROUP is one of: filters, history, no-js, copy, axe, tracking, openings, kit,
// layout, csp, languages.
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
// The stories are fetched when a filter is first used: a click waits for
// the list drawn from them.
const loaded = (p) => p.waitForSelector("[data-filter-root][data-loaded]", { state: "attached" });
const facetLocator = (p, key, value) => p.locator(`button[data-facet="${key}"][data-value="${value}"]`);
const facet = (p, key, value) => {
  const l = facetLocator(p, key, value);
  return {
    click: async () => { await l.click(); await loaded(p); },
    tap: async () => { await l.tap(); await loaded(p); },
    focus: () => l.focus(),
    getAttribute: (name) => l.getAttribute(name),
  };
};
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
    await check("facets combine: time to first move AND department AND destination", async () => {
      const p = await page();
      await ready(p, "/");
      await facet(p, "move", "1-2-years").click();
      await facet(p, "dept", "product").click();
      await facet(p, "to", "product-manager").click();
      const n = expected((s) => s.first_move === "1-2-years" && s.departments.includes("product") && s.destination === "product-manager");
      assert.equal(n, 1);
      assert.equal(await visibleCards(p), 1);
      assert.deepEqual([...query(p).keys()].sort(), ["dept", "move", "to"]);
      await facet(p, "to", "product-manager").click();
      assert.equal(query(p).get("to"), null, "clicking a pressed facet clears it");
      assert.equal(await visibleCards(p), expected((s) => s.first_move === "1-2-years" && s.departments.includes("product")));
    });
    await check("filtering covers every story, not only the first page", async () => {
      const p = await page();
      await ready(p, "/");
      const pageSize = Number(await p.locator("[data-filter-root]").getAttribute("data-page-size"));
      const serverCards = await p.locator(".results .cards .card").count();
      assert.ok(index.length > pageSize && serverCards === pageSize, "the fixture has more stories than one page");
      await facet(p, "dept", "customer-care").click();
      assert.equal(await visibleCards(p), pageSize);
      while (await p.locator(".show-more").isVisible()) await p.locator(".show-more").click();
      assert.equal(await visibleCards(p), expected((s) => s.departments.includes("customer-care")));
      assert.equal(await visibleCards(p), index.length);
    });
    await check("on a phone the results come first and the filters open in a sheet with live counts", async () => {
      const p = await page({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      await ready(p, "/");
      const opener = p.locator("[data-sheet-open]");
      const results = await p.locator(".results").boundingBox();
      const button = await opener.boundingBox();
      assert.ok(button.y >= results.y && button.y < results.y + 100, "the Filter button heads the results");
      assert.equal(await p.locator("#filters").isVisible(), false, "the sheet starts closed");
      await opener.tap();
      await loaded(p);
      const sheet = p.locator("#filters");
      assert.equal(await sheet.getAttribute("role"), "dialog");
      const box = await sheet.boundingBox();
      assert.ok(box.height >= 800 && box.width >= 389, `a full-height sheet: ${JSON.stringify(box)}`);
      const count = (key, value) => facetLocator(p, key, value).locator(".count").innerText().then(Number);
      const before = await count("dept", "product");
      await facet(p, "move", "1-2-years").tap();
      await facet(p, "dept", "product").tap();
      const n = expected((s) => s.first_move === "1-2-years" && s.departments.includes("product"));
      assert.ok(n > 0);
      // A count is what the list would show with that value chosen.
      const marketing = expected((s) => s.first_move === "1-2-years" && s.departments.includes("marketing"));
      assert.equal(await count("dept", "marketing"), marketing);
      assert.equal(await count("dept", "product"), n);
      assert.ok(before >= n);
      const unavailable = await p.locator('button[data-facet][aria-disabled="true"]').count();
      assert.ok(unavailable > 0, "values with no result are shown as unavailable");
      assert.equal(await p.locator(".sheet-show").innerText(), `Show ${n} ${n === 1 ? "story" : "stories"}`);
      assert.match(await opener.innerText(), /\(2\)/, "the button counts the active filters");
      await p.keyboard.press("Escape");
      assert.equal(await sheet.isVisible(), false);
      assert.equal(await p.evaluate(() => document.activeElement.matches("[data-sheet-open]")), true, "focus returns to the button");
      assert.equal(await visibleCards(p), n);
      assert.equal(query(p).get("dept"), "product");
      await opener.tap();
      await p.locator(".sheet-show").tap();
      assert.equal(await sheet.isVisible(), false);
      assert.equal(await visibleCards(p), n, '"Show N" shows N cards');
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the page does not scroll sideways (${width}px)`);
    });
    await check("stories.json is fetched when a filter is first used, not before", async () => {
      const p = await page();
      const fetched = [];
      p.on("request", (r) => { if (r.url().endsWith("/stories.json")) fetched.push(r.url()); });
      await ready(p, "/");
      await p.waitForLoadState("networkidle");
      assert.equal(fetched.length, 0);
      await facet(p, "dept", "product").click();
      assert.equal(fetched.length, 1);
    });
    await check("a filter with a single value is not offered", async () => {
      const p = await page();
      await ready(p, "/");
      for (const group of await p.locator("details[data-facet-group]").all()) {
        assert.ok(await group.locator("button[data-facet]").count() > 1);
      }
      // Every story of the example starts in one role: nothing to filter by.
      assert.ok(index.every((s) => s.start === index[0].start));
      assert.equal(await p.locator('details[data-facet-group="from"]').count(), 0);
    });
    await check("facets are keyboard-usable: Enter and Space toggle a focused facet", async () => {
      const p = await page();
      await ready(p, "/");
      const button = facet(p, "loc", index[0].location_id);
      await button.focus();
      await p.keyboard.press("Enter");
      await loaded(p);
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
      await facet(p, "move", "1-2-years").click();
      const both = expected((s) => s.departments.includes("product") && s.first_move === "1-2-years");
      await p.goBack();
      assert.equal(query(p).get("move"), null);
      assert.equal(await facet(p, "move", "1-2-years").getAttribute("aria-pressed"), "false");
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
    await check("the copy button copies the canonical URL with the share query and utm_medium=copy", async () => {
      const p = await page({ permissions: ["clipboard-read", "clipboard-write"] });
      await p.goto(base + "/stories/maria-santos/");
      const canonical = await p.locator("link[rel=canonical]").getAttribute("href");
      await p.locator(".copy-link").click();
      await p.waitForFunction(() => document.querySelector(".copy-status").textContent !== "");
      assert.equal(await p.locator(".copy-status").innerText(), "Link copied");
      const copied = await p.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, `${canonical}?utm_source=recruiter&utm_medium=copy`);
      assert.equal(await p.locator(".share-url").innerText(), canonical, "the address shown has no parameters");
    });
  },

  async axe() {
    const axe = fs.readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
    const all = ["/", "/?dept=product", "/stories/maria-santos/", "/stories/joao-pereira/", "/roles/agent/",
      "/departments/product/", "/tags/night-shift/", "/destinations/product-manager/", "/paths/",
      "/collections/", "/collections/night-shift-heroes/", "/404.html", "/page/2/", "/openings/", "/openings/?dept=product",
      "/openings/departments/customer-care/", "/openings/locations/lisbon-portugal/", "/roles/trainer/",
      "/stories/maria-santos/share/", "/collections/loan-program/share/"];
    // AXE_PAGES=brand: the pages that show every brand colour, for a site
    // built with other colours than the example's.
    // AXE_PAGES=languages: the Portuguese pages of a site in two languages.
    const pages = process.env.AXE_PAGES === "brand"
      ? ["/", "/?dept=product", "/stories/maria-santos/", "/roles/agent/", "/paths/", "/openings/", "/collections/"]
      : process.env.AXE_PAGES === "arabic"
        ? ["/ar/", "/ar/?dept=product", "/ar/paths/", "/ar/roles/agent/", "/ar/openings/",
          "/ar/stories/fatima-benali/", "/ar/stories/kwame-mensah/", "/ar/collections/", "/ar/404.html"]
      : process.env.AXE_PAGES === "languages"
        ? ["/pt-pt/", "/pt-pt/?dept=product", "/pt-pt/paths/", "/pt-pt/roles/agent/", "/pt-pt/openings/",
          "/pt-pt/stories/zoe-martin/", "/pt-pt/stories/maria-santos/", "/pt-pt/stories/ines-carvalho/",
          "/pt-pt/collections/", "/pt-pt/404.html", "/stories/kwame-mensah/"]
        : all;
    for (const colorScheme of ["light", "dark"]) {
      const p = await page({ colorScheme });
      for (const url of pages) {
        await check(`axe finds no violations on ${url} in ${colorScheme} mode`, async () => {
          await p.goto(base + url);
          if (url.includes("/?")) await p.waitForSelector("[data-ready]");
          // Evaluated through the DevTools protocol, which the page's
          // Content-Security-Policy does not govern (a <script> tag would be
          // blocked, as it should be).
          await p.evaluate(axe);
          const violations = await p.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations
            .map((v) => `${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " " + (n.failureSummary || "").replace(/\n/g, " ")).join("\n      ")}`));
          assert.deepEqual(violations, []);
        });
      }
    }
  },
};

// A site in English and Portuguese (tests/browser.rs builds it): filters
// speak Portuguese, and the switcher leads to the same page or the home.
groups.languages = async () => {
  await check("filters on the Portuguese home page count and announce in Portuguese", async () => {
    const p = await page();
    await ready(p, "/pt-pt/");
    assert.match(await headingText(p), /^\d+ histórias$/);
    const dept = await p.locator("button[data-facet=dept]").first().getAttribute("data-value");
    await facet(p, "dept", dept).click();
    const n = (await p.locator("button[data-facet=dept][aria-pressed=true] .count").innerText()).trim();
    assert.match(await headingText(p), new RegExp(`^${n} histórias? corresponde(m)?$`));
    assert.match(await p.locator("#filter-status").innerText(), /aos seus filtros$/);
    assert.equal(query(p).get("dept"), dept);
    await p.locator(".clear-filters").click();
    assert.match(await p.locator("#filter-status").innerText(), /^Filtros limpos: \d+ histórias$/);
  });
  await check("the switcher leads to the same page in the other language, without JavaScript too", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const p = await page({ javaScriptEnabled });
      await p.goto(base + "/pt-pt/paths/");
      await p.locator("nav.languages a[hreflang=en]").click();
      await p.waitForURL(/\/paths\/$/);
      assert.equal(new URL(p.url()).pathname, "/paths/");
      assert.equal(await p.locator("html").getAttribute("lang"), "en");
    }
  });
  await check("from a translated story the switcher leads to its translation", async () => {
    const p = await page();
    await p.goto(base + "/stories/maria-santos/");
    await p.locator("nav.languages a[hreflang=pt-PT]").click();
    await p.waitForURL(/\/pt-pt\/stories\/maria-santos\/$/);
    assert.equal(await p.locator("html").getAttribute("lang"), "pt-PT");
    assert.match(await p.locator("p.lead").innerText(), /turno da noite/);
    await p.locator("nav.languages a[hreflang=en]").click();
    await p.waitForURL((u) => u.pathname === "/stories/maria-santos/");
  });
  await check("from a story with no translation the switcher leads to the other language's home", async () => {
    const p = await page();
    await p.goto(base + "/stories/kwame-mensah/");
    await p.locator("nav.languages a[hreflang=pt-PT]").click();
    await p.waitForURL(/\/pt-pt\/$/);
    assert.equal(await p.locator("html").getAttribute("lang"), "pt-PT");
    await p.goto(base + "/pt-pt/stories/zoe-martin/");
    await p.locator("nav.languages a[hreflang=en]").click();
    await p.waitForURL((u) => u.pathname === "/");
  });
};

// A site with Arabic among its languages (tests/browser.rs builds it): its
// pages read right to left, with the layout mirrored.
groups.rtl = async () => {
  const box = (p, selector) => p.locator(selector).first().boundingBox();
  await check("Arabic pages are right to left, the header and filters mirrored", async () => {
    const p = await page({ viewport: { width: 1440, height: 900 } });
    await ready(p, "/ar/");
    assert.equal(await p.locator("html").getAttribute("dir"), "rtl");
    assert.equal(await p.locator("html").getAttribute("lang"), "ar");
    // The brand is at the right end of the header, the switcher at the left.
    assert.ok((await box(p, ".site-header .brand")).x > (await box(p, "nav.languages")).x);
    // Facet buttons run from right to left.
    const buttons = p.locator("button[data-facet=dept]");
    const [first, second] = [await buttons.nth(0).boundingBox(), await buttons.nth(1).boundingBox()];
    if (Math.abs(first.y - second.y) < 2) assert.ok(first.x > second.x, `${first.x} then ${second.x}`);
    else assert.ok(first.y < second.y);
    // Filtering works and speaks Arabic.
    const dept = await buttons.first().getAttribute("data-value");
    await facet(p, "dept", dept).click();
    assert.match(await p.locator("#filter-status").innerText(), /تطابق/);
    assert.equal(query(p).get("dept"), dept);
    // A story written in English is marked as such on the Arabic listing.
    assert.equal(await p.locator("li.card[lang=en]").count() > 0, true);
  });
  await check("an Arabic story's timeline runs down its right edge, and the career map starts on the right", async () => {
    const p = await page({ viewport: { width: 390, height: 900 } });
    await p.goto(base + "/ar/stories/fatima-benali/");
    const timeline = await p.locator(".timeline").evaluate((el) => {
      const s = getComputedStyle(el);
      return { left: s.borderLeftWidth, right: s.borderRightWidth };
    });
    assert.deepEqual(timeline, { left: "0px", right: "2px" });
    const line = await box(p, ".timeline");
    const heading = await box(p, ".timeline h3");
    assert.ok(line.x + line.width - (heading.x + heading.width) < 40, "the steps hang from the right edge");
    const arrow = await p.locator(".journey-path li + li").first().evaluate((li) => getComputedStyle(li, "::before").content);
    assert.equal(arrow, '"←"');
    const map = await page({ viewport: { width: 1440, height: 900 } });
    await map.goto(base + "/ar/paths/");
    // Every starting role (left column when left to right) is on the right.
    const xs = await map.locator(".flow svg rect.node").evaluateAll((rects) => rects.map((r) => Number(r.getAttribute("x"))));
    const start = await map.locator(".flow svg a").first().locator("rect").getAttribute("x");
    assert.ok(Number(start) === Math.max(...xs), `${start} of ${xs}`);
  });
};

// The apply links of a page, as parsed URLs.
const applyLinks = async (p) => (await p.locator("a[data-apply]").evaluateAll((as) => as.map((a) => a.href))).map((h) => new URL(h));
const TRACKED = "utm_source=fair&utm_campaign=lisbon&gh_src=abc";

groups.tracking = async () => {
  await check("the landing parameters survive clicks to a role page and /openings/, then ride on every apply link", async () => {
    const p = await page();
    await p.goto(`${base}/stories/maria-santos/?${TRACKED}`);
    await p.locator(".timeline a").first().click();
    await p.waitForURL(/\/roles\/agent\//);
    assert.equal(query(p).get("utm_source"), "fair");
    assert.equal(query(p).get("gh_src"), "abc");
    await p.locator(".site-header a", { hasText: "Jobs" }).click();
    await p.waitForURL(/\/openings\//);
    assert.equal(query(p).get("utm_campaign"), "lisbon");
    const links = await applyLinks(p);
    assert.ok(links.length >= 5, `${links.length} apply links`);
    for (const u of links.filter((u) => !u.hostname.endsWith("lever.co"))) {
      assert.equal(u.searchParams.get("utm_source"), "fair", u.href);
      assert.equal(u.searchParams.get("utm_campaign"), "lisbon", u.href);
      assert.equal(u.searchParams.get("gh_src"), "abc", u.href);
      assert.equal(u.searchParams.get("utm_medium"), null, "the defaults give way: " + u.href);
    }
    const rels = await p.locator("a[data-apply]").evaluateAll((as) => as.map((a) => a.rel));
    assert.ok(rels.every((r) => r === "noopener noreferrer"), rels.join());
    assert.equal(await p.evaluate(() => document.cookie), "", "no cookie");
    assert.equal(await p.evaluate(() => localStorage.length + sessionStorage.length), 0, "no storage");
  });
  await check("a Lever posting reads the source under its own name", async () => {
    const p = await page();
    await p.goto(`${base}/openings/?source=fair`);
    const lever = (await applyLinks(p)).filter((u) => u.hostname.endsWith("lever.co"));
    assert.equal(lever.length, 1);
    assert.equal(lever[0].searchParams.get("lever-source"), "fair", lever[0].href);
    assert.equal(lever[0].searchParams.get("source"), null, lever[0].href);
  });
  await check("without JavaScript apply links carry the site's default share parameters", async () => {
    const p = await page({ javaScriptEnabled: false });
    await p.goto(`${base}/stories/maria-santos/?${TRACKED}`);
    const links = await applyLinks(p);
    assert.ok(links.length > 0);
    for (const u of links) {
      assert.equal(u.searchParams.get("utm_source"), "recruiter", u.href);
      assert.equal(u.searchParams.get("utm_medium"), "alumni-site", u.href);
      assert.equal(u.searchParams.get("gh_src"), null, u.href);
    }
  });
  await check("a hostile utm_source cannot break out of the apply link or inject markup", async () => {
    const p = await page();
    let dialogs = 0;
    p.on("dialog", async (d) => { dialogs++; await d.dismiss(); });
    const hostile = `"><img src=x onerror=alert(1)>&x=1#frag'`;
    await p.goto(`${base}/roles/agent/?utm_source=${encodeURIComponent(hostile)}&gh_src=abc`);
    const images = await p.locator("img[src=x]").count();
    assert.equal(images, 0, "no injected element");
    const links = await applyLinks(p);
    assert.ok(links.length > 0);
    for (const u of links) {
      assert.equal(u.searchParams.get("utm_source"), hostile, u.href);
      assert.equal(u.searchParams.get("gh_src"), "abc", u.href);
      assert.equal(u.hash, "", "the value's # stays in the value");
    }
    await p.locator(".site-header a", { hasText: "Stories" }).click();
    assert.equal(query(p).get("utm_source"), hostile);
    assert.equal(dialogs, 0, "no script ran");
  });
};

groups.openings = async () => {
  const visible = (p) => p.locator(".opening:visible").count();
  await check("department and location chips filter the openings in place, with the state in the URL", async () => {
    const p = await page();
    await p.goto(base + "/openings/");
    await p.waitForSelector("[data-openings-root][data-ready]");
    const all = await p.locator(".opening").count();
    assert.equal(await visible(p), all);
    await p.locator('button[data-facet="dept"][data-value="customer-care"]').click();
    const care = await p.locator('.opening[data-dept="customer-care"]').count();
    assert.ok(care > 0 && care < all);
    assert.equal(await visible(p), care);
    assert.equal(query(p).get("dept"), "customer-care");
    assert.equal(await p.locator(".opening-department:visible").count(), 1);
    await p.locator('button[data-facet="loc"][data-value="lisbon-portugal"]').click();
    const both = await p.locator('.opening[data-dept="customer-care"][data-loc="lisbon-portugal"]').count();
    assert.equal(await visible(p), both);
    assert.match(await headingText(p), new RegExp(`^${both} open position`));
    await p.goBack();
    assert.equal(query(p).get("loc"), null);
    assert.equal(await visible(p), care);
    await p.locator(".clear-filters").click();
    assert.equal(await visible(p), all);
    assert.equal(new URL(p.url()).search, "");
  });
  await check("without JavaScript the chips are links to pre-built filtered pages", async () => {
    const p = await page({ javaScriptEnabled: false });
    await p.goto(base + "/openings/");
    await p.locator('a[data-facet="dept"][data-value="product"]').click();
    assert.equal(new URL(p.url()).pathname, "/openings/departments/product/");
    const depts = await p.locator(".opening").evaluateAll((li) => li.map((l) => l.getAttribute("data-dept")));
    assert.ok(depts.length > 0 && depts.every((d) => d === "product"), depts.join());
  });
  await check("a story's call to action reaches a matching opening in one click", async () => {
    const p = await page();
    await p.goto(base + "/stories/maria-santos/");
    const first = p.locator(".cta a[data-apply]").first();
    const href = new URL(await first.getAttribute("href"));
    assert.equal(href.hostname, "boards.greenhouse.io");
    assert.match(await first.innerText(), /Customer Service Agent/);
  });
};

groups.kit = async () => {
  await check("?utm_source on a share kit redraws its link and QR code for that recruiter", async () => {
    const p = await page();
    await p.goto(base + "/stories/maria-santos/share/?utm_source=lisbon-fair");
    await p.waitForFunction(() => document.querySelector("[data-kit]").getAttribute("data-qr-url").includes("lisbon-fair"));
    const link = await p.locator(".kit-url a").getAttribute("href");
    const u = new URL(link);
    assert.equal(u.searchParams.get("utm_source"), "lisbon-fair");
    assert.equal(await p.locator(".kit-url a").innerText(), link);
    const svg = await p.locator(".kit-qr svg").evaluate((s) => s.outerHTML);
    if (process.env.KIT_QR_OUT) fs.writeFileSync(process.env.KIT_QR_OUT, svg);
    assert.ok(svg.includes("path"));
  });
  for (const format of ["A4", "Letter"]) {
    await check(`a share kit prints on one ${format} page with no navigation`, async () => {
      const p = await page();
      await p.goto(base + "/stories/maria-santos/share/");
      await p.emulateMedia({ media: "print" });
      assert.equal(await p.locator(".site-header").count(), 0);
      assert.equal(await p.locator(".kit-actions").isVisible(), false);
      const pdf = await p.pdf({ format, printBackground: true });
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || [];
      assert.equal(pages.length, 1, `${pages.length} pages`);
    });
  }
};

// One page of every kind the site has, found in the built folder.
function pageKinds() {
  const first = (dir) => {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) return null;
    const names = fs.readdirSync(full).filter((n) => fs.statSync(path.join(full, n)).isDirectory() && n !== "page").sort();
    return names.length ? `/${dir}/${names[0]}/` : null;
  };
  return ["/", "/page/2/", "/stories/maria-santos/", "/stories/maria-santos/share/", first("roles"),
    first("departments"), first("tags"), first("destinations"), first("starting-roles"), first("first-move"),
    first("locations"), "/paths/", "/openings/", first("openings/departments"), first("openings/locations"),
    "/collections/", first("collections"), "/no-such-page/"].filter(Boolean);
}

// What a candidate on any screen must never meet (issue 14): a page that
// scrolls sideways, text under 12 px, a control smaller than 24x24 px
// (WCAG 2.5.8; links inside sentences are exempt), a header on two lines.
async function layoutProblems(p) {
  return p.evaluate(() => {
    const problems = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push(`scrolls sideways: ${doc.scrollWidth}px wide`);
    const visible = (e) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && s.clip !== "rect(0px, 0px, 0px, 0px)";
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const e = t.parentElement;
      if (!t.textContent.trim() || !e || !visible(e)) continue;
      let size = parseFloat(getComputedStyle(e).fontSize);
      // SVG text is scaled with its drawing.
      const svgText = e.closest("svg");
      if (svgText && e.getScreenCTM) size *= e.getScreenCTM().a;
      if (size < 11.95) problems.push(`text of ${size.toFixed(1)}px: "${t.textContent.trim().slice(0, 30)}"`);
    }
    for (const e of document.querySelectorAll("a[href], button, summary, input, select")) {
      if (!visible(e) || e.closest("svg")) continue;
      const s = getComputedStyle(e);
      const inline = s.display === "inline" && e.closest("p, li, td, dd, figcaption, h1, h2, h3, h4") && !e.closest("nav");
      if (inline) continue;
      const r = e.getBoundingClientRect();
      if (r.width < 24 || r.height < 24) problems.push(`target ${Math.round(r.width)}x${Math.round(r.height)}: ${e.tagName} "${e.textContent.trim().slice(0, 30)}"`);
    }
    const header = document.querySelector(".site-header");
    if (header) {
      // The site's links on one line; the language switcher beside them,
      // except on the narrowest phones, where it may take a line of its own.
      const selector = window.innerWidth < 390 ? ".brand, nav:not(.languages) li" : ".brand, nav li";
      const items = [...header.querySelectorAll(selector)].filter(visible).map((e) => e.getBoundingClientRect());
      const mid = (r) => r.top + r.height / 2;
      if (items.some((r) => Math.abs(mid(r) - mid(items[0])) > 6)) problems.push("the header is on more than one line");
      const switcher = [...header.querySelectorAll(".languages li")].filter(visible).map((e) => e.getBoundingClientRect());
      if (switcher.some((r) => Math.abs(mid(r) - mid(switcher[0])) > 6)) problems.push("the language switcher is on more than one line");
    }
    return problems;
  });
}

groups.layout = async () => {
  const widths = [320, 390, 768, 1024, 1440];
  for (const url of pageKinds()) {
    await check(`${url} fits every width, with readable text and tappable controls`, async () => {
      const found = [];
      for (const width of widths) {
        const p = await page({ viewport: { width, height: 900 } });
        await p.goto(base + url);
        for (const problem of await layoutProblems(p)) found.push(`${width}px: ${problem}`);
        await p.context().close();
      }
      assert.deepEqual(found, []);
    });
  }
  for (const [width, height] of [[1440, 900], [390, 844]]) {
    await check(`a story's name, headline and quote are above the fold at ${width}x${height}`, async () => {
      const p = await page({ viewport: { width, height } });
      await p.goto(base + "/stories/maria-santos/");
      for (const selector of ["h1", ".story header .lead", ".quote"]) {
        const box = await p.locator(selector).first().boundingBox();
        assert.ok(box && box.y + box.height <= height, `${selector} ends at ${box && box.y + box.height}px`);
      }
    });
  }
};

// Issue 15: the Content-Security-Policy blocks what is injected into a
// page and nothing the site itself uses.
groups.csp = async () => {
  // Recorded from before any page script runs (init scripts are not
  // subject to the page's policy).
  const watched = async () => {
    const p = await page();
    await p.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    return p;
  };
  const violations = (p) => p.evaluate(() => window.__violations);
  await check("no page kind breaks its own policy, filters and the share kit's QR code included", async () => {
    const found = [];
    for (const url of pageKinds()) {
      const p = await watched();
      await p.goto(base + url);
      await p.waitForLoadState("networkidle");
      for (const v of await violations(p)) found.push(`${url}: ${v}`);
      await p.context().close();
    }
    const p = await watched();
    await ready(p, "/");
    await facet(p, "dept", "product").click();
    await p.goto(base + "/stories/maria-santos/share/?utm_source=fair");
    await p.waitForSelector("[data-qr] svg, .kit svg");
    for (const v of await violations(p)) found.push(`filters and kit: ${v}`);
    assert.deepEqual(found, []);
  });
  await check("a script injected into a built page does not run, and the policy reports it", async () => {
    const story = fs.readFileSync(path.join(root, "stories/maria-santos/index.html"), "utf8");
    const injected = story.replace("</main>",
      `<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">` +
      `<p id="styled" style="color: rgb(255, 0, 0)">x</p></main>`);
    assert.notEqual(injected, story);
    const dir = path.join(root, "csp-injected");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "index.html"), injected);
    try {
      const p = await watched();
      await p.goto(base + "/csp-injected/");
      await p.waitForLoadState("networkidle");
      assert.equal(await p.evaluate(() => window.__pwned), undefined);
      const v = await violations(p);
      assert.ok(v.some((x) => x.startsWith("script-src-elem inline")), v.join("; "));
      assert.ok(v.some((x) => x.startsWith("script-src-attr inline")), v.join("; "));
      assert.notEqual(await p.locator("#styled").evaluate((e) => getComputedStyle(e).color), "rgb(255, 0, 0)");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
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
