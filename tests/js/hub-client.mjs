// Subscribes to one model on /hubs/training with an API key, as an external client would, and prints
// one JSON summary: statuses and log lines received, events for any other model, and whether
// subscribing to a model of another organization was refused.
// With a sixth argument `echo`, it also prints each event of the model as it arrives: `event {json}`.
// usage: node hub-client.mjs BASE_URL API_KEY MODEL_ID FOREIGN_MODEL_ID TIMEOUT_MS [echo]
import * as signalR from '@microsoft/signalr';

const [baseUrl, key, modelArg, foreignArg, timeoutArg, echoArg] = process.argv.slice(2);
const echo = (kind, e) => { if (echoArg === 'echo') console.log(`event ${JSON.stringify({ kind, ...e })}`); };
// The seed's training_status numbers this client reacts to (Dashboard.Shared.Models.TrainingStatus).
const TrainingStatus = Object.freeze({ Success: 4, Failed: 5 });
const modelId = Number(modelArg);
const foreignId = Number(foreignArg);
const summary = { statuses: [], progress: [], logLines: [], otherModelEvents: 0, foreignSubscribeError: null, error: null };

const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${baseUrl}/hubs/training`, { accessTokenFactory: () => key })
  .configureLogging(signalR.LogLevel.Warning)
  .build();

let finish;
const finished = new Promise(resolve => { finish = resolve; });
connection.on('statusChanged', e => {
  if (e.model_id !== modelId) { summary.otherModelEvents++; return; }
  echo('statusChanged', e);
  if (!summary.statuses.includes(e.training_status)) summary.statuses.push(e.training_status);
  summary.progress.push(e.training_progress);
  if (e.training_status === TrainingStatus.Success || e.training_status === TrainingStatus.Failed) setTimeout(finish, 300); // the last log lines may still be in flight
});
connection.on('logLine', e => {
  if (e.model_id !== modelId) { summary.otherModelEvents++; return; }
  echo('logLine', e);
  summary.logLines.push({ level: e.level, message: e.message, timestamp: e.timestamp });
});

try {
  await connection.start();
  try {
    await connection.invoke('Subscribe', foreignId);
  } catch (e) {
    summary.foreignSubscribeError = String(e.message ?? e);
  }
  await connection.invoke('Subscribe', modelId);
  console.log('subscribed');
  await Promise.race([finished, new Promise(resolve => setTimeout(resolve, Number(timeoutArg ?? 60000)))]);
} catch (e) {
  summary.error = String(e.message ?? e);
}
await connection.stop();
console.log(JSON.stringify(summary));
process.exit(0); // the timeout timer would keep node alive
