// "Try it" on the model page: the microphone (16 kHz linear16 from an AudioContext) or a dropped file (sent as it is,
// the server decodes it) goes to two /v1/listen WebSockets at once, the custom model and its base model. The signed-in
// session authenticates the upgrade (same origin, no API key). Interim words show greyed and are replaced when final.
(() => {
  const SAMPLE_RATE = 16000;

  function column(element) {
    const finals = document.createElement('span'), interim = document.createElement('span');
    finals.className = 'try-final';
    interim.className = 'try-interim';
    return {
      reset() { element.replaceChildren(finals, interim); finals.textContent = ''; interim.textContent = ''; },
      show(message) {
        if (message.type !== 'Results') return;
        const text = message.channel.alternatives[0].transcript;
        if (message.is_final) {
          if (text) finals.textContent += (finals.textContent ? ' ' : '') + text;
          interim.textContent = '';
        } else {
          interim.textContent = (finals.textContent ? ' ' : '') + text;
        }
      },
    };
  }

  function open(model, query, view) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/v1/listen?model=${encodeURIComponent(model)}&interim_results=true&punctuate=true&${query}`);
    socket.binaryType = 'arraybuffer';
    socket.onmessage = e => view.show(JSON.parse(e.data));
    const opened = new Promise((resolve, reject) => {
      socket.onopen = () => resolve(socket);
      socket.onerror = () => reject(new Error(`The ${model} stream could not be opened.`));
    });
    const closed = new Promise(resolve => { socket.onclose = e => resolve(e); });
    return { socket, opened, closed };
  }

  function toLinear16(samples) {
    const pcm = new Int16Array(samples.length);
    for (let i = 0; i < samples.length; i++) pcm[i] = Math.max(-1, Math.min(1, samples[i])) * 0x7fff;
    return pcm.buffer;
  }

  window.dashboard = window.dashboard || {};
  window.dashboard.attachTryIt = root => {
    const mic = root.querySelector('[data-testid=try-it-mic]');
    const drop = root.querySelector('[data-testid=try-it-drop]');
    const file = root.querySelector('[data-testid=try-it-file]');
    const status = root.querySelector('[data-testid=try-it-status]');
    const views = [column(root.querySelector('[data-testid=try-it-custom]')), column(root.querySelector('[data-testid=try-it-base]'))];
    const models = [root.dataset.custom, root.dataset.base];
    let session = null;

    async function start(query, label) {
      views.forEach(v => v.reset());
      const streams = models.map((m, i) => open(m, query, views[i]));
      await Promise.all(streams.map(s => s.opened));
      status.textContent = label;
      Promise.all(streams.map(s => s.closed)).then(closes => {
        const odd = closes.find(c => c.code !== 1000);
        status.textContent = odd ? `Stream closed: ${odd.reason || odd.code}` : 'Done.';
      });
      return {
        send: data => streams.forEach(s => s.socket.readyState === WebSocket.OPEN && s.socket.send(data)),
        close: () => streams.forEach(s => s.socket.readyState === WebSocket.OPEN && s.socket.send(JSON.stringify({ type: 'CloseStream' }))),
      };
    }

    async function startMic() {
      const media = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
      const context = new AudioContext({ sampleRate: SAMPLE_RATE });
      const streams = await start(`encoding=linear16&sample_rate=${SAMPLE_RATE}`, 'Listening…');
      const source = context.createMediaStreamSource(media);
      const tap = context.createScriptProcessor(4096, 1, 1);
      tap.onaudioprocess = e => streams.send(toLinear16(e.inputBuffer.getChannelData(0)));
      source.connect(tap);
      tap.connect(context.destination);
      mic.textContent = 'Stop';
      mic.classList.add('try-it-recording');
      session = () => {
        tap.disconnect(); source.disconnect();
        media.getTracks().forEach(t => t.stop());
        context.close();
        streams.close();
        mic.textContent = 'Start microphone';
        mic.classList.remove('try-it-recording');
        status.textContent = 'Finishing…';
        session = null;
      };
    }

    async function sendFile(chosen) {
      if (!chosen || session) return;
      const streams = await start('', `Transcribing ${chosen.name}…`);
      const bytes = await chosen.arrayBuffer();
      for (let i = 0; i < bytes.byteLength; i += 32768) streams.send(bytes.slice(i, i + 32768));
      streams.close();
    }

    const fail = e => { status.textContent = e.message || String(e); session = null; };
    mic.addEventListener('click', () => (session ? session() : startMic().catch(fail)));
    file.addEventListener('change', () => { sendFile(file.files[0]).catch(fail); file.value = ''; });
    drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('dropzone-over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('dropzone-over'));
    drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('dropzone-over'); sendFile(e.dataTransfer.files[0]).catch(fail); });
    mic.disabled = false;
    file.disabled = false;
  };
})();
