// asyncio playground embed loader. In any page, on any static host:
//
//   <script type="module" src="https://…/www/embed.js"></script>
//   <asyncio-playground spec="pattern=taskgroup&tasks=5&fail=2" height="auto"></asyncio-playground>
//   <div data-asyncio-playground="pattern=gather&tasks=3"></div>
//
// Each becomes a lazily loaded iframe of the playground next to this file (resolved from
// import.meta.url, so any subpath works) in its compact embed mode, running the scenario of `spec`
// or the author's program (a text/x-python script inside the element, or the file of `src`). The
// element keeps its height equal to the frame's content (height="auto", the default; a number sets
// fixed pixels), forwards `theme` (or the host's colour scheme, followed live), passes `start`,
// `panels`, `controls`, `readonly` and `highlight` to the frame in its fragment, shows `caption`,
// and offers run(), reset(), setSpec(spec) and setCode(source). It dispatches
// "asyncio-playground:ready", "asyncio-playground:outcome" (detail: the outcome JSON) and
// "asyncio-playground:error" (detail: the message) events. run() resolves with the next outcome,
// the setters once applied; each rejects with the message when the input is invalid. An invalid
// spec or program keeps the embed an embed: it shows the error. An unknown attribute is warned
// about and reported as an error event, and otherwise ignored. It accepts messages only from its
// own iframe's window. The README's Embedding section has all of this in one table.

const PREFIX = 'asyncio-playground:';
/** The options the frame reads from its fragment (checked there: a bad value is an error event). */
const OPTIONS = ['panels', 'controls', 'readonly', 'highlight'];
/** The attributes an embed takes (anything else is warned about, then ignored). */
const ATTRIBUTES = ['spec', 'src', 'start', 'loading', 'caption', ...OPTIONS, 'theme', 'height', 'title', 'class', 'id', 'style', 'hidden', 'lang', 'dir', 'slot', 'tabindex'];

/**
 * The program written inside the element, `<script type="text/x-python">…</script>` (never run by
 * the browser: the type is not JavaScript), without the indentation the host page gave it.
 */
function inlineProgram(el) {
  const script = el.querySelector('script[type="text/x-python"]');
  if (!script) return null;
  const lines = script.textContent.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return `${lines.map((l) => l.slice(cut)).join('\n')}\n`;
}

/**
 * A first guess at the frame's height (CSS px) until it tells its own, so that the text after an
 * embed moves less when it loads: the header and toolbar, the program's lines (the code view
 * shows 32 at most), and the timeline, console and outcome below it.
 */
function estimatedHeight(code) {
  if (code === null) return 360;
  const lines = code.split('\n').length;
  return Math.round(170 + 17.3 * Math.min(lines, 32) + 300);
}

/** A readable frame title: the pattern and the task count ("asyncio playground: gather of 3 tasks"). */
function readableTitle(spec) {
  const params = new URLSearchParams(spec.replace(/^\?/, ''));
  const pattern = params.get('pattern') || 'gather';
  const sleeps = (params.get('sleep') || '').split(',').filter(Boolean).length;
  const tasks = params.get('tasks') || (sleeps > 1 ? String(sleeps) : '20');
  return `asyncio playground: ${pattern} of ${tasks} task${tasks === '1' ? '' : 's'}`;
}
const PLAYGROUND = new URL('../index.html', import.meta.url);

/** The background the host page shows behind the embed: the first opaque one of body, html. */
function hostBackground() {
  for (const el of [document.body, document.documentElement]) {
    if (!el) continue;
    const m = getComputedStyle(el).backgroundColor.match(/[\d.]+/g);
    if (m && (m.length < 4 || Number(m[3]) > 0.5)) return m.slice(0, 3).map(Number);
  }
  return [255, 255, 255];
}

/**
 * The embed's theme: its own `theme` attribute; else the host's declared `color-scheme`; else
 * (a page that declares none) the reader's `prefers-color-scheme` on a dark page and light on a
 * light one, so a white page gets light embeds even for a reader in dark mode. A page that declares
 * both follows the reader.
 */
function hostTheme(el) {
  const own = el.getAttribute('theme');
  if (own) return own;
  const scheme = getComputedStyle(document.documentElement).colorScheme || 'normal';
  const dark = scheme.includes('dark');
  const light = scheme.includes('light');
  if (dark && light) return 'auto';
  if (dark) return 'dark';
  if (light) return 'light';
  // None declared: the reader's preference on a dark page (one that follows it without saying
  // so), light on a light one.
  const [r, g, b] = hostBackground();
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'auto' : 'light';
}

/** Every connected embed, told when the host's look may have changed. */
const embeds = new Set();
let watching = false;
function watchHostLook() {
  if (watching) return;
  watching = true;
  const changed = () => embeds.forEach((el) => el.hostLookChanged());
  const observer = new MutationObserver(changed);
  const options = { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme'] };
  observer.observe(document.documentElement, options);
  if (document.body) observer.observe(document.body, options);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', changed);
}

export class AsyncioPlayground extends HTMLElement {
  static observedAttributes = ['spec', 'theme'];
  #frame = null;
  #ready = false;
  #queue = [];
  /** Callers of run() and setSpec() waiting for the frame's answer: {kind, resolve, reject}. */
  #waiting = [];
  #onMessage = (e) => this.#receive(e);
  /** The author's program (inline or fetched), if the embed has one. */
  #code = null;
  /** Why the program of `src` could not be fetched. */
  #loadError = null;
  /** The theme the frame was last given. */
  #theme = null;

  connectedCallback() {
    if (this.#frame) return;
    for (const { name } of this.attributes) {
      if (!ATTRIBUTES.includes(name) && !name.startsWith('data-') && !name.startsWith('aria-')) {
        const message = `unknown attribute "${name}" ignored (known: ${ATTRIBUTES.slice(0, 10).join(', ')}, theme, height, title)`;
        console.warn(`asyncio-playground: ${message}`);
        // The host hears it as an error (the embed still works); after this task, so that a
        // listener added later in the page's script still hears it.
        setTimeout(() => this.dispatchEvent(new CustomEvent(`${PREFIX}error`, { bubbles: true, detail: message })));
      }
    }
    const frame = document.createElement('iframe');
    frame.loading = this.getAttribute('loading') === 'eager' ? 'eager' : 'lazy';
    frame.allow = 'clipboard-write';
    const height = this.getAttribute('height');
    const fixed = /^\d+$/.test(height || '');
    // The program: written inside the element, or fetched from `src` (then the frame loads once
    // it is here, or shows why it is not).
    this.#code = inlineProgram(this);
    frame.style.cssText = `display:block;width:100%;border:0;height:${fixed ? height : estimatedHeight(this.#code)}px`;
    const src = this.getAttribute('src');
    if (src && this.#code === null) {
      fetch(new URL(src, document.baseURI))
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
        .then((text) => { this.#code = text; }, (e) => { this.#loadError = `could not fetch ${src}: ${e.message}`; })
        .then(() => {
          if (!this.#frame) return;
          if (!fixed && this.#code !== null) this.#frame.style.height = `${estimatedHeight(this.#code)}px`;
          this.#frame.src = this.#src();
        });
    } else {
      frame.src = this.#src();
    }
    frame.title = this.getAttribute('title')
      || (this.#code !== null || src ? 'asyncio playground: a Python program and its run' : readableTitle(this.spec));
    embeds.add(this);
    watchHostLook();
    const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
    // A block by default: an inline element around a bordered frame draws stray bars.
    const style = document.createElement('style');
    style.textContent = ':host { display: block; } :host([hidden]) { display: none; }';
    const caption = this.getAttribute('caption');
    if (caption) {
      frame.title = caption;
      const p = document.createElement('p');
      p.className = 'caption';
      p.setAttribute('part', 'caption');
      p.textContent = caption;
      style.textContent += ' .caption { margin: .4em 0 0; font-size: .9em; opacity: .8; }';
      root.replaceChildren(style, frame, p);
    } else {
      root.replaceChildren(style, frame);
    }
    this.#frame = frame;
    window.addEventListener('message', this.#onMessage);
  }

  disconnectedCallback() {
    embeds.delete(this);
    window.removeEventListener('message', this.#onMessage);
    this.#frame?.remove();
    this.#frame = null;
    this.#ready = false;
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#frame || old === value) return;
    if (name === 'theme') {
      this.hostLookChanged();
      return;
    }
    this.#ready = false;
    this.#frame.src = this.#src();
  }

  /** The host's look (or this element's theme) may have changed: the frame follows, without a reload. */
  hostLookChanged() {
    // A theme the scenario itself gives stays, unless the element's own attribute says otherwise.
    if (!this.getAttribute('theme') && new URLSearchParams(this.spec.replace(/^\?/, '')).has('theme')) return;
    const theme = hostTheme(this);
    if (theme === this.#theme) return;
    this.#theme = theme;
    this.#send({ type: `${PREFIX}set-theme`, theme });
  }

  /** The scenario query string. */
  get spec() {
    return this.getAttribute('spec') || '';
  }

  /** Runs the scenario (queued until the frame is ready); resolves with the outcome JSON. */
  run() {
    const answer = this.#await('run');
    this.#send({ type: `${PREFIX}run` });
    return answer;
  }

  /** Stops the run and clears it. */
  reset() {
    this.#send({ type: `${PREFIX}reset` });
  }

  /** Replaces the program without reloading the frame; rejects with the message if it does not compile. */
  setCode(source) {
    const answer = this.#await('set-code');
    this.#send({ type: `${PREFIX}set-code`, code: String(source) });
    return answer;
  }

  /** Replaces the scenario (and the view keys it gives) without reloading the frame. */
  setSpec(spec) {
    const answer = this.#await('set-spec');
    this.#send({ type: `${PREFIX}set-spec`, spec: String(spec) });
    return answer;
  }

  #await(kind) {
    return new Promise((resolve, reject) => this.#waiting.push({ kind, resolve, reject }));
  }

  /** Settles the first caller waiting for `kind` with `ok` (or rejects it with `message`). */
  #answer(kind, ok, value) {
    const i = this.#waiting.findIndex((w) => w.kind === kind);
    if (i < 0) return;
    const [w] = this.#waiting.splice(i, 1);
    if (ok) w.resolve(value);
    else w.reject(new Error(value));
  }

  #src() {
    const url = new URL(PLAYGROUND);
    const params = new URLSearchParams(this.spec.replace(/^\?/, ''));
    params.set('embed', '1');
    if (!params.has('theme')) params.set('theme', hostTheme(this));
    this.#theme = params.get('theme');
    if (location.origin !== 'null' && !params.has('origin')) params.set('origin', location.origin);
    url.search = params.toString();
    // The program and the embed's own options travel in the fragment (never sent to a server).
    const fragment = [];
    if (this.#code !== null) fragment.push(`code=${encodeURIComponent(this.#code)}`);
    if (this.#loadError) fragment.push(`error=${encodeURIComponent(this.#loadError)}`);
    if (this.getAttribute('start') === 'finished') fragment.push('start=finished');
    for (const name of OPTIONS) {
      if (this.hasAttribute(name)) fragment.push(`${name}=${encodeURIComponent(this.getAttribute(name))}`);
    }
    url.hash = fragment.join('&');
    return url.href;
  }

  #send(message) {
    if (!this.#ready) {
      this.#queue.push(message);
      return;
    }
    this.#frame.contentWindow.postMessage(message, PLAYGROUND.origin === 'null' ? '*' : PLAYGROUND.origin);
  }

  #receive(e) {
    if (!this.#frame || e.source !== this.#frame.contentWindow) return;
    const data = e.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || !data.type.startsWith(PREFIX)) return;
    switch (data.type.slice(PREFIX.length)) {
      case 'ready': {
        this.#ready = true;
        const queued = this.#queue.splice(0);
        queued.forEach((m) => this.#send(m));
        this.dispatchEvent(new CustomEvent(`${PREFIX}ready`, { bubbles: true }));
        break;
      }
      case 'height': {
        const auto = !/^\d+$/.test(this.getAttribute('height') || '');
        if (auto && Number.isFinite(data.height) && data.height > 0) this.#frame.style.height = `${Math.ceil(data.height)}px`;
        break;
      }
      case 'outcome':
        this.#answer('run', true, data.outcome);
        this.dispatchEvent(new CustomEvent(`${PREFIX}outcome`, { bubbles: true, detail: data.outcome }));
        break;
      case 'spec-set':
        this.#answer('set-spec', true);
        break;
      case 'code-set':
        this.#answer('set-code', true);
        break;
      case 'error': {
        const message = String(data.message);
        if (['run', 'set-spec', 'set-code'].includes(data.command)) this.#answer(data.command, false, message);
        this.dispatchEvent(new CustomEvent(`${PREFIX}error`, { bubbles: true, detail: message }));
        break;
      }
      default:
    }
  }
}

if (!customElements.get('asyncio-playground')) customElements.define('asyncio-playground', AsyncioPlayground);

// <div data-asyncio-playground="spec">: a playground inside the div, also reachable as div.playground.
for (const div of document.querySelectorAll('[data-asyncio-playground]')) {
  if (div.playground) continue;
  const el = document.createElement('asyncio-playground');
  el.setAttribute('spec', div.dataset.asyncioPlayground);
  for (const attr of ['height', 'theme', 'title', 'src', 'start', 'loading', 'caption', ...OPTIONS]) {
    if (div.dataset[attr] !== undefined) el.setAttribute(attr, div.dataset[attr]);
  }
  // A program written inside the div is the embed's.
  const script = div.querySelector('script[type="text/x-python"]');
  if (script) el.append(script);
  div.append(el);
  div.playground = el;
}
