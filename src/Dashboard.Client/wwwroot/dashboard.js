// Uploads pair audio and transcripts by base name (a .zip or a text data file goes as it is) and send each with XMLHttpRequest, which,
// unlike fetch, reports upload progress. Blazor renders the list; this file only moves bytes.
(() => {
  const audioExtensions = ['mp3', 'wav', 'flac', 'm4a', 'aac', 'ogg'];
  const split = name => {
    const dot = name.lastIndexOf('.');
    return dot < 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot + 1).toLowerCase()];
  };

  // Text data: every .txt is one upload. Audio sets: a .zip is one upload of many pairs; other files pair by name.
  function items(files, type) {
    const list = Array.from(files);
    if (type === 'text') {
      return list.map(file => split(file.name)[1] === 'txt'
        ? { name: file.name, text: file }
        : { name: file.name, error: 'Text data must be a plain-text .txt file.' });
    }
    const archives = list.filter(file => split(file.name)[1] === 'zip').map(file => ({ name: file.name, archive: file }));
    return [...archives, ...pair(list.filter(file => split(file.name)[1] !== 'zip'))];
  }

  function pair(files) {
    const groups = new Map();
    const items = [];
    for (const file of files) {
      const [base, ext] = split(file.name);
      const kind = audioExtensions.includes(ext) ? 'audio' : ext === 'txt' ? 'transcript' : null;
      if (!kind) {
        items.push({ name: file.name, error: 'Not an audio file (MP3, WAV, FLAC, M4A, AAC, OGG) or a .txt transcript.' });
        continue;
      }
      const key = base.toLowerCase();
      const group = groups.get(key) ?? { base, audio: null, transcript: null };
      if (group[kind]) items.push({ name: file.name, error: `Two ${kind} files are named ${base}; keep one.` });
      else group[kind] = file;
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      if (group.audio && group.transcript) items.push({ name: group.base, audio: group.audio, transcript: group.transcript });
      else if (group.audio) items.push({ name: group.audio.name, error: `No transcript: add ${group.base}.txt.` });
      else items.push({ name: group.transcript.name, error: `No audio file named ${group.base} (MP3, WAV, FLAC, M4A, AAC or OGG).` });
    }
    return items;
  }

  function send(url, type, item, onProgress) {
    return new Promise(resolve => {
      const form = new FormData();
      form.append('type', type);
      if (item.archive) form.append('archive_file', item.archive, item.archive.name);
      else if (item.text) form.append('text_file', item.text, item.text.name);
      else {
        form.append('audio_file', item.audio, item.audio.name);
        form.append('transcript_file', item.transcript, item.transcript.name);
      }
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', url);
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      xhr.upload.onprogress = e => e.lengthComputable && onProgress(Math.floor(e.loaded * 100 / e.total));
      xhr.onload = () => {
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch { }
        const accepted = (body?.accepted ?? []).map(f => f.audio_file_name);
        const rejected = body?.rejected ?? body?.details?.rejected ?? [];
        if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, message: (body?.warnings ?? []).join(' '), accepted, rejected });
        else resolve({ ok: false, message: body?.message ?? `The server answered ${xhr.status}.`, accepted, rejected });
      };
      xhr.onerror = () => resolve({ ok: false, message: 'The connection failed; check your network and try again.', accepted: [], rejected: [] });
      xhr.send(form);
    });
  }

  let nextId = 1;
  async function accept(zone, files, dotnet) {
    const url = zone.dataset.uploadUrl;
    const type = zone.dataset.type;
    const queued = items(files, type).map(i => ({ ...i, key: `u${nextId++}` }));
    await dotnet.invokeMethodAsync('Queued', queued.map(i => ({
      key: i.key, name: i.name, type: i.archive ? `${type} · ZIP` : type,
      audio: i.audio?.name ?? null, transcript: i.transcript?.name ?? null,
      bytes: (i.audio?.size ?? 0) + (i.transcript?.size ?? 0) + (i.archive?.size ?? 0) + (i.text?.size ?? 0), error: i.error ?? null,
    })));
    for (const item of queued.filter(i => !i.error)) {
      let last = -1, lastAt = 0;
      const result = await send(url, type, item, percent => {
        const now = Date.now();
        if (percent !== last && (now - lastAt > 100 || percent === 100)) {
          last = percent; lastAt = now;
          dotnet.invokeMethodAsync('Progress', item.key, percent);
        }
      });
      await dotnet.invokeMethodAsync('Done', item.key, result.ok, result.message, result.accepted, result.rejected);
    }
  }

  window.dashboard = {
    attachUpload(zone, input, dotnet) {
      input.addEventListener('change', () => { accept(zone, input.files, dotnet); input.value = ''; });
      zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('dropzone-over'); });
      zone.addEventListener('dragleave', () => zone.classList.remove('dropzone-over'));
      zone.addEventListener('drop', e => {
        e.preventDefault();
        zone.classList.remove('dropzone-over');
        accept(zone, e.dataTransfer.files, dotnet);
      });
    },
    // Set once the circuit renders: tests (and styles) can tell a live page from a prerendered one.
    markInteractive() {
      document.documentElement.dataset.interactive = 'true';
    },
    scrollToEnd(element) {
      if (element) element.scrollTop = element.scrollHeight;
    },
    // The browser's IANA time zone, so that times show as the user's clock does (not the server's); its offset now
    // (minutes east of UTC) for a server whose time zone database lacks that name.
    timeZone() {
      return { id: Intl.DateTimeFormat().resolvedOptions().timeZone, offsetMinutes: -new Date().getTimezoneOffset() };
    },
  };
})();
