// Streams audio with the official Deepgram SDK's live client (listen.v1.connect) against our /v1/listen WebSocket and
// prints one JSON object: whether it opened, every message with its arrival time (ms since the first audio was sent),
// the audio sent (ms), and the close code and reason.
// Environment: DG_BASE_URL (ws://host:port), DG_API_KEY, DG_OPTIONS (JSON: connect() options), DG_AUDIO (one or more
// 16-bit WAV paths, separated by "|", played one after another with DG_GAP_MS of silence between and after them),
// DG_PACE (1 = real time), DG_CHUNK_MS (100), DG_BYTES_PER_MS (32: 16 kHz 16-bit mono), DG_END ("close": CloseStream, "finalize": Finalize then CloseStream,
// "idle": stop sending and wait for the server to close, "keepalive": KeepAlive every 3 s for DG_KEEPALIVE_MS then CloseStream).
// DG_RAW=1 sends the one file's bytes as they are (a container such as WebM), in chunks paced as 16 kHz PCM would be.
const { DeepgramClient } = require("@deepgram/sdk");
const fs = require("fs");

function pcmOf(path) {
  const wav = fs.readFileSync(path);
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString("ascii", offset, offset + 4), size = wav.readUInt32LE(offset + 4);
    if (id === "data") return wav.subarray(offset + 8, offset + 8 + size);
    offset += 8 + size + (size % 2);
  }
  throw new Error(`no data chunk in ${path}`);
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

(async () => {
  const options = JSON.parse(process.env.DG_OPTIONS || "{}");
  const pace = Number(process.env.DG_PACE || "1"), chunkMs = Number(process.env.DG_CHUNK_MS || "100");
  const bytesPerMs = Number(process.env.DG_BYTES_PER_MS || "32"); // 16 kHz 16-bit mono; 44.1 for 22.05 kHz
  const gap = Buffer.alloc(Math.round(Number(process.env.DG_GAP_MS || "1500") * bytesPerMs / 2) * 2);
  const files = (process.env.DG_AUDIO || "").split("|").filter(p => p);
  const audio = process.env.DG_RAW ? fs.readFileSync(files[0]) : Buffer.concat(files.flatMap(f => [pcmOf(f), gap]));
  const out = { opened: false, messages: [], audio_ms: audio.length / bytesPerMs, close: null, error: null };
  const client = new DeepgramClient({ apiKey: process.env.DG_API_KEY, baseUrl: process.env.DG_BASE_URL });
  const socket = await client.listen.v1.connect({
    ...options, Authorization: `Token ${process.env.DG_API_KEY}`, reconnectAttempts: 0,
  });
  let t0 = Date.now();
  const closed = new Promise(resolve => {
    socket.on("close", e => { out.close = { code: e.code, reason: e.reason }; resolve(); });
  });
  socket.on("message", m => out.messages.push({ t: Date.now() - t0, m }));
  socket.on("error", e => { out.error = String(e && e.message || e); });
  socket.connect();
  try {
    await Promise.race([socket.waitForOpen(), closed.then(() => { throw new Error("closed before opening"); })]);
    out.opened = true;
  } catch (e) {
    out.error = out.error || String(e.message || e);
    console.log(JSON.stringify(out));
    process.exit(0);
  }
  t0 = Date.now();
  const end = process.env.DG_END || "close";
  if (end !== "idle") {
    const chunk = Math.round(chunkMs * bytesPerMs / 2) * 2;
    for (let i = 0, n = 0; i < audio.length; i += chunk, n++) {
      socket.sendMedia(audio.subarray(i, Math.min(i + chunk, audio.length)));
      const due = (n + 1) * chunkMs / pace - (Date.now() - t0);
      if (due > 0) await sleep(due);
    }
    if (end === "keepalive") {
      const until = Date.now() + Number(process.env.DG_KEEPALIVE_MS || "12000");
      while (Date.now() < until) { socket.sendKeepAlive({ type: "KeepAlive" }); await sleep(3000); }
    }
    if (end === "finalize") { socket.sendFinalize({ type: "Finalize" }); await sleep(1500); }
    socket.sendCloseStream({ type: "CloseStream" });
  }
  await Promise.race([closed, sleep(30000)]);
  console.log(JSON.stringify(out));
  process.exit(0);
})().catch(e => { console.error(e); process.exit(1); });
