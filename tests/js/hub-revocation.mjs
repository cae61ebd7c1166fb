// Holds one /hubs/training connection open with an API key, as an external client would, for revocation tests.
// Prints `subscribed`, then `event {json}` for each event, and `closed {json}` when the server ends the connection.
// Reads commands on stdin: `subscribe N` answers `subscribe-ok N` or `subscribe-error N message`.
// usage: node hub-revocation.mjs BASE_URL API_KEY MODEL_ID TIMEOUT_MS
import * as signalR from '@microsoft/signalr';
import * as readline from 'node:readline';

const [baseUrl, key, modelArg, timeoutArg] = process.argv.slice(2);
const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${baseUrl}/hubs/training`, { accessTokenFactory: () => key })
  .configureLogging(signalR.LogLevel.None)
  .build();

connection.on('statusChanged', e => console.log(`event ${JSON.stringify({ kind: 'statusChanged', ...e })}`));
connection.on('logLine', e => console.log(`event ${JSON.stringify({ kind: 'logLine', ...e })}`));
let closed;
const closing = new Promise(resolve => { closed = resolve; });
connection.onclose(error => {
  console.log(`closed ${JSON.stringify({ error: error ? String(error.message ?? error) : null })}`);
  closed();
});

readline.createInterface({ input: process.stdin }).on('line', async line => {
  const [command, id] = line.trim().split(' ');
  if (command !== 'subscribe') return;
  try {
    await connection.invoke('Subscribe', Number(id));
    console.log(`subscribe-ok ${id}`);
  } catch (e) {
    console.log(`subscribe-error ${id} ${String(e.message ?? e)}`);
  }
});

try {
  await connection.start();
  await connection.invoke('Subscribe', Number(modelArg));
  console.log('subscribed');
} catch (e) {
  console.log(`closed ${JSON.stringify({ error: String(e.message ?? e) })}`);
  process.exit(0);
}
await Promise.race([closing, new Promise(resolve => setTimeout(resolve, Number(timeoutArg ?? 60000)))]);
process.exit(0);
