// N concurrent live streams through the official Deepgram SDK against /v1/listen, each playing the five LibriVox
// recordings of pocketsphinx-testdata back to back (1.5 s of silence after each) paced at real time. Prints one JSON line:
// final-result latency after the end of each recording's audio (p50/p95), time to the first interim, the backlog when
// the stream ends (Metadata after CloseStream), and the server's CPU per stream.
// usage: node bench.mjs BASE_URL API_KEY SERVER_PID STREAMS [MODEL]   (BENCH_SECONDS=n: only the first n seconds, for a warm-up)
import { createRequire } from 'node:module';
import fs from 'node:fs';
const require = createRequire(new URL('../../tests/js/package.json', import.meta.url));
const { DeepgramClient } = require('@deepgram/sdk');

const [baseUrl, key, pidArg, streamsArg, model = 'general'] = process.argv.slice(2);
const folder = '/usr/share/pocketsphinx/test/data/librivox';
const files = fs.readFileSync(`${folder}/fileids`, 'utf8').split('\n').filter(l => l.trim()).map(id => `${folder}/${id.trim()}.wav`);
const chunkMs = 100, gapMs = 1500, bytesPerMs = 32;

function pcmOf(path) {
  const wav = fs.readFileSync(path);
  for (let offset = 12; offset + 8 <= wav.length;) {
    const id = wav.toString('ascii', offset, offset + 4), size = wav.readUInt32LE(offset + 4);
    if (id === 'data') return wav.subarray(offset + 8, offset + 8 + size);
    offset += 8 + size + (size % 2);
  }
  throw new Error(`no data chunk in ${path}`);
}

const pieces = files.map(pcmOf);
const limitMs = Number(process.env.BENCH_SECONDS || 0) * 1000 || Infinity;
const ends = []; // ms into the stream where each recording's audio ends
let total = 0;
for (const p of pieces) { total += p.length / bytesPerMs; if (total <= limitMs) ends.push(total); total += gapMs; }
total = Math.min(total, limitMs);
const audio = Buffer.concat(pieces.flatMap(p => [p, Buffer.alloc(gapMs * bytesPerMs)])).subarray(0, total * bytesPerMs);
const sleep = ms => new Promise(r => setTimeout(r, ms));
const cpuSeconds = () => { const f = fs.readFileSync(`/proc/${pidArg}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / 100; };

async function stream(index) {
  const client = new DeepgramClient({ apiKey: key, baseUrl: baseUrl.replace(/^http/, 'ws') });
  const socket = await client.listen.v1.connect({ model, encoding: 'linear16', sample_rate: 16000, interim_results: true,
    endpointing: 300, utterance_end_ms: 1000, Authorization: `Token ${key}`, reconnectAttempts: 0,
    connectionTimeoutInSeconds: 120 }); // a new stream's decoder loads before the upgrade: N at once take a while on a busy machine
  const finals = [], result = { latencies: [], firstInterim: null, backlog: null, error: null };
  let t0 = 0, closeSent = 0;
  const done = new Promise(resolve => {
    socket.on('message', m => {
      const now = Date.now() - t0;
      if (m.type === 'Results' && !m.is_final && result.firstInterim === null) result.firstInterim = now;
      if (m.type === 'Results' && m.is_final) finals.push({ at: now, end: (m.start + m.duration) * 1000 });
      if (m.type === 'Metadata') { result.backlog = Date.now() - closeSent; resolve(); }
    });
    socket.on('close', resolve);
  });
  socket.connect();
  await socket.waitForOpen();
  await sleep(index * 137 % 1000); // streams do not all start on the same tick
  t0 = Date.now();
  for (let i = 0, n = 0; i < audio.length; i += chunkMs * bytesPerMs, n++) {
    socket.sendMedia(audio.subarray(i, i + chunkMs * bytesPerMs));
    const due = (n + 1) * chunkMs - (Date.now() - t0);
    if (due > 0) await sleep(due);
  }
  closeSent = Date.now();
  socket.sendCloseStream({ type: 'CloseStream' });
  await Promise.race([done, sleep(60_000)]);
  for (const end of ends) {
    const final = finals.find(f => f.end >= end - 200);
    if (final) result.latencies.push(final.at - end); else result.error = 'a recording got no final result';
  }
  return result;
}

const pct = (values, p) => { const s = [...values].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)] : null; };
const streams = Number(streamsArg);
const cpuBefore = cpuSeconds(), wallBefore = Date.now();
const results = await Promise.all(Array.from({ length: streams }, (_, i) => stream(i)));
const cpu = cpuSeconds() - cpuBefore, wall = (Date.now() - wallBefore) / 1000;
const latencies = results.flatMap(r => r.latencies);
const backlogs = results.map(r => r.backlog ?? Infinity);
console.log(JSON.stringify({
  streams, audio_seconds: total / 1000, finals: latencies.length,
  final_p50_ms: pct(latencies, 50), final_p95_ms: pct(latencies, 95), final_max_ms: Math.max(...latencies),
  first_interim_p50_ms: pct(results.map(r => r.firstInterim), 50), first_interim_max_ms: Math.max(...results.map(r => r.firstInterim)),
  backlog_max_ms: Math.max(...backlogs),
  cpu_percent_per_stream: Math.round(cpu / (total / 1000) / streams * 1000) / 10, // core-seconds per audio second, in % of a core
  wall_seconds: wall,
  keeps_up: backlogs.every(b => b <= 1000) && results.every(r => !r.error),
  errors: results.map(r => r.error).filter(e => e),
}));
process.exit(0);
