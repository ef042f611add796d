// The driver behind scripts/profile (read it first): headless Chromium over
// CDP, one traced scenario, then a per-task report of the main thread.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const getJson = (url) => new Promise((res, rej) => http.get(url, (r) => {
  let d = ''; r.on('data', (c) => { d += c; }); r.on('end', () => { try { res(JSON.parse(d)); } catch (e) { rej(e); } });
}).on('error', rej));

async function launch() {
  const port = 9300 + Math.floor(Math.random() * 500);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlens-profile-'));
  const proc = spawn('/usr/bin/chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`,
    `--user-data-dir=${dir}`, '--window-size=1280,900', '--no-first-run', 'about:blank'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      const page = (await getJson(`http://127.0.0.1:${port}/json/list`)).find((t) => t.type === 'page');
      if (page) return { proc, ws: page.webSocketDebuggerUrl };
    } catch (e) { /* not up yet */ }
    await sleep(100);
  }
  throw new Error('chromium did not start');
}

class Session {
  constructor(url) { this.ws = new WebSocket(url); this.id = 0; this.pending = new Map(); this.listeners = []; }
  open() {
    return new Promise((r) => {
      this.ws.onopen = r;
      this.ws.onmessage = (m) => {
        const d = JSON.parse(m.data);
        if (d.id && this.pending.has(d.id)) {
          const [res, rej] = this.pending.get(d.id); this.pending.delete(d.id);
          if (d.error) rej(new Error(JSON.stringify(d.error))); else res(d.result);
        } else for (const l of this.listeners) l(d);
      };
    });
  }
  send(method, params = {}) {
    const id = ++this.id; this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((res, rej) => this.pending.set(id, [res, rej]));
  }
  async eval(expression) {
    const r = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
    return r.result.value;
  }
  async waitFor(expr, secs = 120) {
    for (let i = 0; i < secs * 20; i++) { if (await this.eval(expr).catch(() => null)) return; await sleep(50); }
    throw new Error('timed out waiting for ' + expr);
  }
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing',
  'loading', 'toplevel', 'blink', 'disabled-by-default-v8.cpu_profiler'];

async function trace(s, out, body) {
  await s.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReturnAsStream' });
  await body();
  const done = new Promise((r) => s.listeners.push((d) => { if (d.method === 'Tracing.tracingComplete') r(d.params.stream); }));
  await s.send('Tracing.end');
  const stream = await done;
  const parts = [];
  for (;;) {
    const r = await s.send('IO.read', { handle: stream, size: 1 << 20 });
    parts.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString() : r.data);
    if (r.eof) break;
  }
  fs.writeFileSync(out, parts.join(''));
}

const ready = "document.documentElement.dataset.app === 'ready'";
const fetched = (f) => `performance.getEntriesByType('resource').some((e) => e.name.endsWith('${f}'))`;

async function run(scenario, url, out) {
  const c = await launch();
  const s = new Session(c.ws); await s.open();
  await s.send('Page.enable');
  try {
    if (scenario === 'first-paint' || scenario === 'repeat') {
      if (scenario === 'repeat') {
        await s.send('Page.navigate', { url }); await s.waitFor(ready);
        await s.waitFor('navigator.serviceWorker.controller !== null', 30);
      }
      await trace(s, out, async () => {
        await s.send('Page.navigate', { url: url + (url.includes('?') ? '&' : '?') + 'profile=' + Date.now() });
        await s.waitFor(ready); await sleep(1000);
      });
    } else if (scenario === 'compare') {
      await s.send('Page.navigate', { url }); await s.waitFor(ready);
      await s.waitFor(fetched('lexicons.txt')); await s.waitFor(fetched('istanbul-2025.txt')); await sleep(1000);
      await trace(s, out, async () => {
        await s.eval("document.getElementById('tab-compare').click()");
        await s.waitFor("document.querySelector('.cmp-row')"); await sleep(500);
      });
    } else if (scenario === 'open') {
      await s.send('Page.navigate', { url }); await s.waitFor(ready); await s.waitFor(fetched('lexicons.txt'));
      await s.eval("document.querySelector('.intake > button').click()");
      await s.waitFor("document.querySelector('input.intake-file') !== null");
      await s.eval("document.querySelector('.intake > button').click()");
      await s.eval("fetch('./profile-input.txt').then((r) => r.text()).then((t) => { window.__text = t; })");
      await sleep(1000);
      await trace(s, out, async () => {
        await s.eval(`(() => { const input = document.querySelector('input.intake-file'); const dt = new DataTransfer();
          dt.items.add(new File([window.__text], 'profile.txt', { type: 'text/plain' }));
          input.files = dt.files; input.dispatchEvent(new Event('change', { bubbles: true })); })()`);
        await s.waitFor(`(() => { if (document.querySelector('#doc-title').textContent !== 'profile' || document.querySelector('.job-bar')) return null;
          const n = document.querySelectorAll('article mark.m').length; const same = window.__marks === n; window.__marks = n; return same && n > 0; })()`, 900);
        await sleep(500);
      });
    } else if (scenario === 'link') {
      // A document carried whole in the link (#v=1&x=…), as the benchmark opens it.
      const fragment = fs.readFileSync(process.env.PROFILE_LINK, 'utf8').trim();
      await s.send('Page.navigate', { url }); await s.waitFor(ready); await sleep(1000);
      await trace(s, out, async () => {
        await s.send('Page.navigate', { url: url + (url.includes('?') ? '&' : '?') + 'profile=' + Date.now() + '#' + fragment });
        await s.waitFor(`(() => { if (document.querySelector('#doc-title')?.textContent !== 'Benchmark document' || document.querySelector('.job-bar')) return null;
          const n = document.querySelectorAll('article mark.m').length; const same = window.__marks === n; window.__marks = n; return same && n > 0; })()`, 900);
        await sleep(500);
      });
    } else throw new Error('unknown scenario ' + scenario);
  } finally { c.proc.kill(); }
}

// The legacy Rust mangling (_ZN…E), shortened to a path.
function demangle(s) {
  const m = s && s.match(/^_ZN(.*)E( .*)?$/);
  if (!m) return s;
  let r = m[1]; const out = [];
  while (r.length) {
    const k = r.match(/^(\d+)/); if (!k) break;
    const id = r.slice(k[1].length, k[1].length + +k[1]); r = r.slice(k[1].length + +k[1]);
    if (!/^h[0-9a-f]{16}$/.test(id)) out.push(id);
  }
  return out.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
    .replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\$C\$/g, ',').replace(/\.\./g, '::');
}

function report(file) {
  const evs = JSON.parse(fs.readFileSync(file, 'utf8')).traceEvents;
  const names = {};
  for (const e of evs) if (e.ph === 'M' && e.name === 'thread_name') names[e.pid + ':' + e.tid] = e.args.name;
  const profiles = {};
  for (const e of evs) if (e.name === 'Profile') profiles[e.id] = { pid: e.pid, tid: e.tid, start: e.args.data.startTime, nodes: {}, samples: [], times: [] };
  for (const e of evs) {
    const p = e.name === 'ProfileChunk' && profiles[e.id]; if (!p) continue;
    const cp = e.args.data.cpuProfile || {};
    for (const n of cp.nodes || []) p.nodes[n.id] = n;
    let t = p.times.length ? p.times[p.times.length - 1] : p.start;
    (cp.samples || []).forEach((s, i) => { t += e.args.data.timeDeltas[i]; p.samples.push(s); p.times.push(t); });
  }
  const prof = Object.values(profiles).filter((p) => names[p.pid + ':' + p.tid] === 'CrRendererMain')
    .sort((a, b) => b.samples.length - a.samples.length)[0];
  if (!prof) { console.log('no main-thread profile in', file); return; }
  const main = evs.filter((e) => e.pid === prof.pid && e.tid === prof.tid && e.ph === 'X');
  const tasks = main.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const t0 = tasks.length ? tasks[0].ts : 0;
  const cpu = tasks.reduce((s, e) => s + (e.tdur || 0), 0) / 1000;
  console.log(`${file}: ${tasks.length} main-thread tasks, ${cpu.toFixed(0)} ms of CPU; those over 10 ms:`);
  const stack = (id) => { const out = []; let n = prof.nodes[id]; while (n) { out.push(demangle(n.callFrame.functionName) || '(' + (n.callFrame.url || '').split('/').pop() + ')'); n = prof.nodes[n.parent]; } return out; };
  for (const t of tasks.filter((e) => e.tdur >= 10000)) {
    const incl = {}; let n = 0;
    prof.samples.forEach((s, i) => {
      if (prof.times[i] < t.ts || prof.times[i] > t.ts + t.dur) return;
      const st = stack(s); if (st[0] === '(idle)') return; n++;
      for (const f of new Set(st)) incl[f] = (incl[f] || 0) + 1;
    });
    const phases = {};
    for (const e of main) if (e.ts >= t.ts && e.ts < t.ts + t.dur && /^Blink\.(Style|Layout|Paint)\.UpdateTime$/.test(e.name)) phases[e.name.split('.')[1]] = (phases[e.name.split('.')[1]] || 0) + e.tdur / 1000;
    const fns = Object.entries(incl).filter(([f]) => /claimlens/.test(f) && !/closure\}\}$|run_boxed|dispatch/.test(f))
      .sort((a, b) => b[1] - a[1]).slice(0, 5).map(([f, c]) => `${(100 * c / n).toFixed(0)}% ${f.replace(/::_\{\{closure\}\}/g, '').slice(0, 80)}`);
    console.log(`  at ${((t.ts - t0) / 1000).toFixed(0).padStart(6)} ms, ${(t.tdur / 1000).toFixed(1).padStart(6)} ms CPU | ${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' ')} | ${fns.join('; ')}`);
  }
}

const [scenario, url, out] = process.argv.slice(2);
run(scenario, url, out).then(() => report(out)).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
