// N clients of /hubs/training subscribed to one model while it trains: latency from a log line's
// timestamp (taken on the server when the line is written) to its receipt by each client.
// usage: node bench.mjs BASE_URL API_KEY MODEL_ID CLIENTS   (prints "ready", then the summary once training ends)
import { createRequire } from 'node:module';
const require = createRequire(new URL('../../tests/js/package.json', import.meta.url));
const signalR = require('@microsoft/signalr');

const [baseUrl, key, modelArg, clientsArg] = process.argv.slice(2);
const modelId = Number(modelArg);
const clients = Number(clientsArg ?? 50);
const latencies = [];
let done = 0;
let finishAll;
const allDone = new Promise(resolve => { finishAll = resolve; });

const connections = await Promise.all(Array.from({ length: clients }, async () => {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/training`, { accessTokenFactory: () => key, skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on('logLine', e => { latencies.push(Date.now() - Date.parse(e.timestamp)); });
  connection.on('statusChanged', e => {
    if (e.training_status === 4 || e.training_status === 5) setTimeout(() => { if (++done === clients) finishAll(); }, 500);
  });
  await connection.start();
  await connection.invoke('Subscribe', modelId);
  return connection;
}));
console.log('ready');
await Promise.race([allDone, new Promise(resolve => setTimeout(resolve, 180_000))]);
await Promise.all(connections.map(c => c.stop()));

latencies.sort((a, b) => a - b);
const at = p => latencies[Math.min(latencies.length - 1, Math.floor(p / 100 * latencies.length))];
console.log(`clients ${clients}, log lines received ${latencies.length} (${latencies.length / clients} per client)`);
console.log(`latency emit -> receipt: p50 ${at(50)} ms, p99 ${at(99)} ms, max ${latencies.at(-1)} ms`);
console.log(`target p99 < 200 ms: ${at(99) < 200 ? 'met' : 'NOT met'}`);
process.exit(0);
