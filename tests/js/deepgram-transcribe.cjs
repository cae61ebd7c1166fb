// Transcribes one file with the official Deepgram SDK against our /v1/listen; prints the SDK's parsed response.
// Environment: DG_BASE_URL, DG_API_KEY, DG_MODEL, DG_AUDIO.
const { DeepgramClient } = require("@deepgram/sdk");
const fs = require("fs");

(async () => {
  const client = new DeepgramClient({ apiKey: process.env.DG_API_KEY, baseUrl: process.env.DG_BASE_URL });
  const response = await client.listen.v1.media.transcribeFile(fs.readFileSync(process.env.DG_AUDIO),
    { model: process.env.DG_MODEL, mip_opt_out: true, punctuate: true, language: "en" });
  console.log(JSON.stringify(response));
})().catch(e => { console.error(e); process.exit(1); });
