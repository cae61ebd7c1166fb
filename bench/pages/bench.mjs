// Times the dashboard's main pages in Chromium for two builds (each its own server, same seeded data), alternating
// which build goes first in each round. A load is a fresh tab in a signed-in context, timed from navigation to:
//   shown: the page's own content visible (the prerendered HTML, before the circuit is up);
//   ready: the circuit up (html[data-interactive]) and the content there (the interactive render done).
// Prints per page the median of each build and the ratio after/before; SCREENSHOTS=folder saves each page of each build;
// TIMEZONE=an IANA zone sets the browser's (e.g. Asia/Kathmandu, to see times follow it).
// usage: node bench.mjs ROUNDS EMAIL PASSWORD NAME=BASE_URL=MODEL_ID NAME=BASE_URL=MODEL_ID
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const [roundsArg, email, password, ...builds] = process.argv.slice(2);
const servers = builds.map(b => { const [name, base, model] = b.split('='); return { name, base, model }; });
const pages = [
  { name: '/models', path: () => '/models', ready: '[data-testid=model-row]' },
  { name: '/models/{id}', path: s => `/models/${s.model}`, ready: '[data-testid=version-row]' },
  { name: '/billing', path: () => '/billing', ready: '[data-testid=plan-usage]' },
  { name: '/privacy', path: () => '/privacy', ready: '[data-testid=mip-status]' },
  { name: '/audit', path: () => '/audit', ready: '[data-testid=audit-row]' },
  { name: '/keys', path: () => '/keys', ready: '[data-testid=key-row]' },
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

for (const server of servers) {
  server.context = await browser.newContext({ baseURL: server.base, viewport: { width: 1400, height: 900 },
    timezoneId: process.env.TIMEZONE || undefined });
  const page = await server.context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/models');
  await page.close();
}

async function load(server, spec, screenshot) {
  const page = await server.context.newPage();
  const start = performance.now();
  await page.goto(spec.path(server), { waitUntil: 'commit' });
  await page.waitForSelector(spec.ready);
  const shown = performance.now() - start;
  await page.waitForSelector('html[data-interactive]', { state: 'attached' });
  await page.waitForSelector(spec.ready);
  const ready = performance.now() - start;
  if (screenshot) {
    await page.waitForTimeout(500); // let charts finish drawing
    await page.screenshot({ path: screenshot, fullPage: true });
  }
  await page.close();
  return { shown, ready };
}

const rounds = Number(roundsArg);
const times = new Map(); // page -> server -> { shown: [], ready: [] }
for (let round = 0; round <= rounds; round++) { // round 0 warms both servers up and is not counted
  for (const spec of pages) {
    const order = round % 2 ? [...servers].reverse() : servers;
    for (const server of order) {
      const t = await load(server, spec);
      if (round === 0) continue;
      const perServer = times.get(spec.name) ?? new Map();
      const entry = perServer.get(server.name) ?? { shown: [], ready: [] };
      entry.shown.push(t.shown); entry.ready.push(t.ready);
      perServer.set(server.name, entry); times.set(spec.name, perServer);
    }
  }
}

const median = v => { const s = [...v].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const [before, after] = servers.map(s => s.name);
console.log(`${rounds} rounds per page, medians in ms (shown: own content visible; ready: circuit up and content there)`);
console.log(['page', `${before} shown`, `${after} shown`, 'ratio', `${before} ready`, `${after} ready`, 'ratio'].map((c, i) => i ? c.padStart(14) : c.padEnd(14)).join(''));
for (const [name, perServer] of times) {
  const [b, a] = [perServer.get(before), perServer.get(after)];
  const cells = [median(b.shown), median(a.shown), median(a.shown) / median(b.shown), median(b.ready), median(a.ready), median(a.ready) / median(b.ready)];
  console.log(name.padEnd(14) + cells.map((v, i) => (i % 3 === 2 ? v.toFixed(2) : v.toFixed(0)).padStart(14)).join(''));
}

if (process.env.SCREENSHOTS) {
  fs.mkdirSync(process.env.SCREENSHOTS, { recursive: true });
  for (const server of servers)
    for (const spec of pages)
      await load(server, spec, path.join(process.env.SCREENSHOTS, `${server.name}${spec.name.replaceAll(/[/{}]+/g, '-').replace(/-$/, '')}.png`));
  console.log(`screenshots in ${process.env.SCREENSHOTS}`);
}
await browser.close();
