// A CPU profile of opening a document through the Open… file input, to name
// what the longest tasks spend their time on (issue #20: "where a goal is
// missed, name the largest cost from a profile"). Not part of any test.
//
//   (cd dist && python3 -m http.server 8768 --bind 127.0.0.1) &
//   node --experimental-websocket benches/profile-open.mjs http://127.0.0.1:8768/ 102400
//
// Starts headless Chromium with a DevTools port on loopback, opens the app,
// waits for the engine's idle warm-up, then opens the sample article's text
// repeated to SIZE bytes as a file, and prints the long tasks and the
// functions with the most self time, with the wasm module each is in. A
// release build's wasm has no function names (wasm-opt drops them), so
// its functions show as wasm-function[N] of their module.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
const [url, size] = [process.argv[2], Number(process.argv[3] || 102400)];
const port = 9333;
const chrome = spawn('chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`,
  '--user-data-dir=/tmp/prof-profile-' + Date.now(), '--window-size=1280,900', 'about:blank'], { stdio: 'ignore' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let targets;
for (let i = 0; i < 50; i++) { try { targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json(); break; } catch { await sleep(200); } }
const page = targets.find((t) => t.type === 'page');
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((r) => ws.addEventListener('open', r));
let id = 0; const waiting = new Map();
ws.addEventListener('message', (m) => { const d = JSON.parse(m.data); if (d.id && waiting.has(d.id)) { waiting.get(d.id)(d); waiting.delete(d.id); } });
const send = (method, params = {}) => new Promise((r) => { const i = ++id; waiting.set(i, r); ws.send(JSON.stringify({ id: i, method, params })); });
const evaluate = async (expr) => (await send('Runtime.evaluate', { expression: expr, awaitPromise: true, returnByValue: true })).result?.result?.value;
await send('Page.enable'); await send('Runtime.enable');
await send('Page.navigate', { url });
for (let i = 0; i < 100; i++) { if (await evaluate("document.documentElement.dataset.app === 'ready'")) break; await sleep(100); }
await sleep(3000); // idle warm-up of the engine
await evaluate("document.querySelector('.intake > button').click()");
for (let i = 0; i < 100; i++) { if (await evaluate("!!document.querySelector('input.intake-file')")) break; await sleep(100); }
await evaluate("document.querySelector('.intake > button').click()");
const seed = readFileSync(new URL('../data/seed-istanbul-2025.txt', import.meta.url), 'utf8');
let text = ''; while (text.length < size) text += seed + '\n\n';
await evaluate(`window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' }); true`);
await send('Profiler.enable'); await send('Profiler.setSamplingInterval', { interval: 200 }); await send('Profiler.start');
await evaluate(`(() => { const input = document.querySelector('input.intake-file'); const dt = new DataTransfer();
  dt.items.add(new File([${JSON.stringify(text)}], 'big.txt', { type: 'text/plain' })); input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);
for (let i = 0; i < 600; i++) { if (await evaluate("document.querySelector('#doc-title').textContent === 'big' && !document.querySelector('.job-bar')")) break; await sleep(100); }
await sleep(2000);
const prof = (await send('Profiler.stop')).result.profile;
const lt = await evaluate('window.__lt');
console.log('long tasks [start, ms]:', JSON.stringify(lt));
const self = new Map(); const total = prof.samples.length;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
for (const s of prof.samples) { const n = byId.get(s); const k = (n.callFrame.functionName || '(anon)') + ' @ ' + n.callFrame.url.split('/').pop(); self.set(k, (self.get(k) || 0) + 1); }
const dt = (prof.endTime - prof.startTime) / 1000 / total;
console.log(`samples ${total}, ~${dt.toFixed(2)} ms each`);
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v * dt).toFixed(1).padStart(8), 'ms', k.slice(0, 120));
ws.close(); chrome.kill();
process.exit(0);
