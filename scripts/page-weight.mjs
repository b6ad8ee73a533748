// What a candidate's phone downloads for a page of a built site: requests,
// and bytes transferred with the text files gzipped (as static hosts serve
// them), at 390x844 with JavaScript on, until the network is idle.
// Usage: node scripts/page-weight.mjs SITE/public [PAGE ...]
// (default pages: / and the first story). Needs `npm ci` and Chromium.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

const root = path.resolve(process.argv[2] || "public");
const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
  ".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp",
};
const server = http.createServer((req, res) => {
  let file = path.join(root, decodeURIComponent(new URL(req.url, "http://localhost").pathname));
  if (!file.startsWith(root)) { res.writeHead(400); res.end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  const type = TYPES[path.extname(file)] || "application/octet-stream";
  let body = fs.readFileSync(file);
  const headers = { "content-type": type };
  if (!/^image\/(png|jpeg|webp)$/.test(type)) {
    body = zlib.gzipSync(body, { level: 9 });
    headers["content-encoding"] = "gzip";
  }
  res.writeHead(200, headers);
  res.end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const firstStory = fs.readdirSync(path.join(root, "stories")).sort()[0];
const pages = process.argv.length > 3 ? process.argv.slice(3) : ["/", `/stories/${firstStory}/`];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
console.log("| page | requests | transferred | of which |");
console.log("|---|---|---|---|");
for (const url of pages) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send("Network.enable");
  const sizes = new Map();
  const names = new Map();
  cdp.on("Network.responseReceived", (e) => names.set(e.requestId, new URL(e.response.url).pathname));
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  await p.goto(base + url, { waitUntil: "networkidle" });
  const files = [...sizes].map(([id, bytes]) => [names.get(id) || "?", bytes]);
  const total = files.reduce((n, [, b]) => n + b, 0);
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const parts = files.map(([name, b]) => `${name.split("/").filter(Boolean).pop() || "page"} ${kb(b)}`).join(", ");
  console.log(`| ${url} | ${files.length} | ${kb(total)} | ${parts} |`);
  await context.close();
}
await browser.close();
server.close();
