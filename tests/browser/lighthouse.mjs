// Lighthouse (mobile: a mid-range phone on a slow 4G connection, simulated)
// on one page of each kind a candidate lands on. Run by tests/lighthouse.rs
// as: node lighthouse.mjs SITE_DIR PORT
// The site is served gzipped, as every static host serves it. Accessibility,
// best practices and SEO must be 100 and the layout must not shift at all on
// every run; performance is timed on a shared machine, so a page gets up to
// three runs to reach 100, as Lighthouse's own guidance on variance advises.
// Prints one line per page and a closing "N passed, M failed" line.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const [root, port] = [path.resolve(process.argv[2]), Number(process.argv[3])];
const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain",
  ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp",
};

const server = http.createServer((req, res) => {
  let file = path.join(root, decodeURIComponent(new URL(req.url, "http://localhost").pathname));
  if (!file.startsWith(root)) { res.writeHead(400); res.end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  let status = 200;
  if (!fs.existsSync(file)) { file = path.join(root, "404.html"); status = 404; }
  const type = TYPES[path.extname(file)] || "application/octet-stream";
  const headers = { "content-type": type, "cache-control": "public, max-age=31536000" };
  let body = fs.readFileSync(file);
  if (!/^image\/(png|jpeg|webp)$/.test(type) && /gzip/.test(req.headers["accept-encoding"] || "")) {
    body = zlib.gzipSync(body);
    headers["content-encoding"] = "gzip";
  }
  res.writeHead(status, headers);
  res.end(body);
});
await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${port}`;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});

const first = (dir) => {
  const names = fs.readdirSync(path.join(root, dir))
    .filter((n) => n !== "page" && fs.statSync(path.join(root, dir, n)).isDirectory()).sort();
  return `/${dir}/${names[0]}/`;
};
const pages = ["/", "/stories/maria-santos/", first("roles"), "/paths/", first("collections")];
const categories = ["performance", "accessibility", "best-practices", "seo"];
let passed = 0, failed = 0;
try {
  for (const url of pages) {
    const problems = [];
    let best = 0;
    for (let run = 1; run <= 3; run++) {
      const { lhr } = await lighthouse(base + url, { port: chrome.port, logLevel: "error", onlyCategories: categories });
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(categories.map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
      const cls = lhr.audits["cumulative-layout-shift"].numericValue;
      const tbt = lhr.audits["total-blocking-time"].numericValue;
      console.log(`  ${url} run ${run}: ${JSON.stringify(scores)}, CLS ${cls}, TBT ${Math.round(tbt)} ms`);
      for (const c of categories.slice(1)) {
        if (scores[c] < 100) {
          const failing = Object.values(lhr.audits)
            .filter((a) => a.score !== null && a.score < 1 && lhr.categories[c].auditRefs.some((r) => r.id === a.id && r.weight > 0))
            .map((a) => a.id);
          problems.push(`${c} ${scores[c]}: ${failing.join(", ")}`);
        }
      }
      if (cls !== 0) problems.push(`layout shift ${cls}`);
      best = Math.max(best, scores.performance);
      if (best === 100 || problems.length) break;
    }
    if (best < 100) problems.push(`performance ${best} in three runs`);
    if (problems.length) {
      failed++;
      console.log(`not ok - ${url}: ${problems.join("; ")}`);
    } else {
      passed++;
      console.log(`ok - ${url}: 100 in all four, no layout shift`);
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
