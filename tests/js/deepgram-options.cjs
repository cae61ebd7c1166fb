// Calls our /v1/listen with the official Deepgram SDK and prints the SDK's parsed response, or its error as
// {"error": {"status", "message"}} (exit code 0 either way, so the test can look at what a developer would see).
// Environment: DG_BASE_URL, DG_API_KEY, DG_OPTIONS (JSON of SDK options), and DG_URL (transcribeUrl) or DG_AUDIO (transcribeFile).
const { DeepgramClient } = require("@deepgram/sdk");
const fs = require("fs");

(async () => {
  const client = new DeepgramClient({ apiKey: process.env.DG_API_KEY, baseUrl: process.env.DG_BASE_URL });
  const options = JSON.parse(process.env.DG_OPTIONS || "{}");
  try {
    const response = process.env.DG_URL
      ? await client.listen.v1.media.transcribeUrl({ url: process.env.DG_URL, ...options })
      : await client.listen.v1.media.transcribeFile(fs.readFileSync(process.env.DG_AUDIO), options);
    console.log(JSON.stringify(response));
  } catch (e) {
    console.log(JSON.stringify({ error: { status: e.statusCode ?? null, message: e.message, body: e.body ?? null } }));
  }
})().catch(e => { console.error(e); process.exit(1); });
