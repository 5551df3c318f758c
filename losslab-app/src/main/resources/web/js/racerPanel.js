// The racers: a chip per optimizer in the registry (tick to race it), and for each racing one a
// card with its colour, live readouts (loss, step, position, how it ended), its learning rate with
// the GD stability limit 2/λmax beside it, and an expandable panel of every other setting.
// Names, defaults and allowed ranges all come from /api/catalog and /api/surface; settings a
// person changes are kept as typed in state.settings[name][param] (the URL's NAME.PARAM).

import { racerColor } from './palette.js';
import { num, point } from './format.js';
import { stabilityHint } from './stability.js';
import { instanceOf, optimizerOf } from './racerIds.js';
import { RUN_SETTINGS, settingProblem } from './settingCheck.js';
import { settingSpecs } from './settingSpecs.js';
import * as changes from './racerChanges.js';

const STOP_WORDS = {
  converged: 'converged',
  diverged: 'diverged',
  'max-steps': 'used every step',
  'singular-hessian': 'stuck: Hessian singular',
  'left-domain': 'left the domain',
  'line-search-failed': 'stuck: line search failed',
};

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export class RacerPanel {
  /**
   * @param {object} o
   * @param {HTMLElement} o.chips  container for the checkboxes
   * @param {HTMLElement} o.list   container for the cards
   * @param {HTMLElement} o.note   where "at most N racers" is said
   * @param {(what: string, next?: {optimizers: string[], settings: object}) => void} o.onChange  settings or
   *        racing set changed: `next` is the state's new racers and settings (racerChanges.js), for the
   *        page to apply (the panel never writes the state); without it, only the fields went invalid
   * @param {() => void} [o.onLive]  a slider moved: race again at once and show the whole race
   * @param {object} [o.state]  the state the cards show and the race is read from (the page's store's)
   */
  constructor({ chips, list, note, onChange, onLive = () => {}, state = null }) {
    this.onLive = onLive;
    this.chipsEl = chips;
    this.listEl = list;
    this.noteEl = note;
    this.onChange = onChange;
    this.optimizers = [];
    this.byName = new Map();
    this.schedules = [];
    this.maxRacers = 0;
    this.runDefaults = null; // catalog.defaults: steps, seed, schedule
    this.defaults = {};
    this.examples = null; // on a surface made of data: n, the most examples a minibatch can take
    this.cards = new Map();
    this.state = state;
    this.startAnalysis = null;
    this.tunedNotes = new Map(); // name → {lr, text, warn}: what "Tune all" found, until its settings change
    this.placeKnobs = []; // each slider's way to follow its text field
    this.shownKey = null; // the racers and settings the cards show (cardsKey)
  }

  /** What tuning found, one note per racer; shown on its card while its settings are the tuned ones. */
  setTuned(notes) {
    this.tunedNotes = new Map(notes);
    this.shownKey = null; // the cards are built again, with the notes
  }

  /** Whether the cards show this state's racers and settings (else the page renders them again). */
  shows(state) {
    return this.shownKey === cardsKey(state);
  }

  /**
   * Hands a change to the page, which applies it to the state. A setting changed on a card is
   * already shown there: the cards are not built again, so the field or slider keeps its focus.
   */
  emit(what, next) {
    if (what === 'settings') this.shownKey = cardsKey(next);
    this.onChange(what, next);
  }

  setCatalog(catalog) {
    this.optimizers = catalog.optimizers;
    this.byName = new Map(catalog.optimizers.map((o) => [o.name, o]));
    this.schedules = catalog.schedules;
    this.maxRacers = catalog.limits.maxRacers;
    this.runDefaults = catalog.defaults;
    this.buildChips();
  }

  /**
   * Per-surface defaults from /api/surface: {gd: {lr, noise, batchSize}, …}, and on a surface made
   * of data its number of examples (batch sizes run from 1 to it), else null.
   */
  setDefaults(defaults, examples = null) {
    this.defaults = defaults || {};
    this.examples = examples ?? null;
  }

  buildChips() {
    this.chipsEl.replaceChildren();
    this.checkboxes = new Map();
    for (const o of this.optimizers) {
      const id = `race-${o.name}`;
      const label = el('label', 'chip');
      label.htmlFor = id;
      label.style.setProperty('--racer', racerColor(o.name));
      label.title = o.title;
      const box = el('input');
      box.type = 'checkbox';
      box.id = id;
      box.value = o.name;
      box.setAttribute('aria-describedby', `${id}-title`);
      box.addEventListener('change', () => this.toggle(o.name, box.checked));
      const dot = el('span', 'chip-dot');
      dot.setAttribute('aria-hidden', 'true');
      const title = el('span', 'visually-hidden', o.title);
      title.id = `${id}-title`;
      label.append(box, dot, el('span', 'chip-name', o.name), title);
      this.chipsEl.append(label);
      this.checkboxes.set(o.name, box);
    }
  }

  /** The catalog's optimizer names in registry order, which racers are kept in. */
  get names() {
    return this.optimizers.map((o) => o.name);
  }

  /** A chip ticked: its optimizer races; unticked: every racer of it leaves the race. */
  toggle(name, on) {
    this.onChange('racers', changes.toggle(this.state, name, on, this.names));
  }

  /** "Race again": another racer of the same optimizer, with this one's settings to change. */
  raceAgain(id) {
    if (this.state.optimizers.length >= this.maxRacers) return;
    this.onChange('racers', changes.raceAgain(this.state, id, this.names, this.maxRacers));
  }

  remove(id) {
    this.onChange('racers', changes.remove(this.state, id));
  }

  /** Rebuilds chips' state and the cards for state.optimizers. */
  render(state) {
    this.state = state;
    this.shownKey = cardsKey(state);
    const racing = new Set(state.optimizers.map(optimizerOf));
    const full = state.optimizers.length >= this.maxRacers;
    for (const [name, box] of this.checkboxes) {
      box.checked = racing.has(name);
      box.disabled = !box.checked && full;
    }
    this.noteEl.textContent = full ? `At most ${this.maxRacers} racers at once.` : '';
    this.listEl.replaceChildren();
    this.cards.clear();
    this.placeKnobs = [];
    for (const id of state.optimizers) {
      const o = this.byName.get(optimizerOf(id));
      if (o) this.listEl.append(this.card(o, id, full));
    }
    this.updateHints();
  }

  setting(name, param) {
    const own = this.state.settings[name];
    return own && own[param] !== undefined ? own[param] : undefined;
  }

  /** The default of a racer's setting: its optimizer's on this surface (the racer may be "gd:2"). */
  defaultOf(id, param) {
    const name = optimizerOf(id);
    const o = this.byName.get(name);
    if (param === 'seed') return this.runDefaults.seed;
    const spec = o && settingSpecs(o, this.defaults[name], this.examples).find((q) => q.name === param);
    if (spec && spec.value !== undefined && spec.value !== null) return spec.value;
    // the chosen schedule's default first: names repeat with other defaults (step's gamma 0.1, exponential's 0.99)
    const chosen = this.schedules.find((s) => s.name === this.setting(id, 'schedule'));
    for (const s of chosen ? [chosen, ...this.schedules] : this.schedules) {
      const q = s.params.find((r) => r.name === param);
      if (q) return q.default;
    }
    return undefined;
  }

  /** The card of racer `name` (an id: "gd", or "gd:2" for GD's second racer), running optimizer o. */
  card(o, name, full) {
    const li = el('li', 'racer');
    li.dataset.name = name;
    li.style.setProperty('--racer', racerColor(name));

    const head = el('div', 'racer-head');
    const sw = el('span', 'swatch');
    sw.setAttribute('aria-hidden', 'true');
    const k = instanceOf(name);
    const h = el('h3', 'racer-title', `${o.title.replace(/\s*\(.*\)$/, '')}${k > 1 ? ` · ${k}` : ''}`);
    h.id = `racer-${name}-title`;
    head.append(sw, h, el('code', 'racer-code', name));
    // Race it again with other settings (GD at 0.19 against 0.21); a second racer can leave again.
    const again = el('button', 'icon-btn racer-again', '+');
    again.type = 'button';
    again.title = `race ${o.name} again, with other settings`;
    again.setAttribute('aria-label', `race ${o.title} again with other settings`);
    again.dataset.testid = `again-${name}`;
    again.disabled = full;
    again.addEventListener('click', () => this.raceAgain(name));
    head.append(again);
    if (k > 1) {
      const remove = el('button', 'icon-btn racer-remove', '×');
      remove.type = 'button';
      remove.title = `take ${name} out of the race`;
      remove.setAttribute('aria-label', `take ${o.title} ${k} out of the race`);
      remove.dataset.testid = `remove-${name}`;
      remove.addEventListener('click', () => this.remove(name));
      head.append(remove);
    }

    const readout = el('dl', 'readout');
    const add = (label, cls, testid) => {
      const d = el('div', cls);
      const dd = el('dd');
      if (testid) dd.dataset.testid = testid;
      d.append(el('dt', '', label), dd);
      readout.append(d);
      return dd;
    };
    const loss = add('loss', 'ro-loss', `loss-${name}`);
    const step = add('step', 'ro-step', `step-${name}`);
    const pos = add('at', 'ro-pos', `pos-${name}`);
    const status = el('p', 'status', 'ready');
    status.dataset.testid = `status-${name}`;

    const lrRow = el('div', 'lr-row');
    const lrId = `p-${name}-lr`;
    const lrLabel = el('label', '', 'lr');
    lrLabel.htmlFor = lrId;
    lrLabel.title = 'learning rate';
    const lr = this.numberInput(name, 'lr', lrId);
    lr.setAttribute('aria-label', `${o.title}: learning rate`);
    const hint = el('span', 'lr-hint');
    hint.id = `${lrId}-hint`;
    lr.setAttribute('aria-describedby', hint.id);
    const panelId = `settings-${name}`;
    const toggle = el('button', 'more-toggle', 'settings');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', panelId);
    toggle.setAttribute('aria-label', `more settings for ${o.title}`);
    const more = this.settingsGrid(o, name);
    more.id = panelId;
    more.hidden = true;
    toggle.addEventListener('click', () => {
      more.hidden = !more.hidden;
      toggle.setAttribute('aria-expanded', String(!more.hidden));
    });
    lrRow.append(lrLabel, lr, hint, toggle);

    li.append(head, readout, status, lrRow, this.knobs(o, name));
    const tuned = this.tunedNotes.get(name);
    if (tuned && this.setting(name, 'lr') === tuned.lr) {
      const note = el('p', `tuned-note${tuned.warn ? ' warn' : ''}`, tuned.text);
      note.dataset.testid = `tuned-${name}`;
      li.append(note);
    }
    li.append(more);
    this.cards.set(name, { li, loss, step, pos, status, hint, lr, shown: -1, ended: false });
    return li;
  }

  /**
   * Sliders for the racer's main knobs, which race again as they move: lr on a log scale (1/100 to
   * 10× its default on this surface), its momentum μ or β₁ (the one tuning tunes), and for an
   * optimizer that is noisy by default (SGD) its noise: the minibatch size B (1 to n, log scale) on a
   * surface made of data, where the noise is the sampling's own, else σ. Each keeps its text field in step.
   */
  knobs(o, name) {
    const box = el('div', 'knobs');
    const lr0 = Number(this.defaultOf(name, 'lr'));
    if (lr0 > 0) {
      box.append(this.slider(name, 'lr', 'lr', {
        min: Math.log10(lr0) - 2, max: Math.log10(lr0) + 1,
        toValue: (x) => Number((10 ** x).toPrecision(3)), fromValue: (v) => Math.log10(v),
      }));
    }
    if (o.tunedMomentum) {
      const p = o.params.find((q) => q.name === o.tunedMomentum);
      box.append(this.slider(name, p.name, p.symbol || p.name, {
        min: 0, max: 0.99, toValue: (x) => Number(x.toFixed(2)), fromValue: (v) => v,
      }));
    }
    const batch = RUN_SETTINGS['batch-size'].name;
    const n = this.examples;
    if (n !== null && this.defaultOf(name, batch) < n) {
      box.append(this.slider(name, batch, 'B', {
        min: 0, max: Math.log10(n), toValue: (x) => Math.round(10 ** x), fromValue: (v) => Math.log10(v),
      }));
    } else if (o.defaultNoise > 0) {
      box.append(this.slider(name, 'noise', 'σ', {
        min: 0, max: Math.max(4, 4 * o.defaultNoise), toValue: (x) => Number(x.toFixed(2)), fromValue: (v) => v,
      }));
    }
    return box;
  }

  slider(name, param, symbol, scale) {
    const wrap = el('label', 'knob');
    const range = el('input');
    range.type = 'range';
    range.min = String(scale.min);
    range.max = String(scale.max);
    range.step = 'any'; // values are rounded where they are stored (scale.toValue), not snapped here
    range.dataset.testid = `knob-${name}-${param}`;
    range.setAttribute('aria-label', `${name}: ${param}`);
    const current = () => Number(this.setting(name, param) ?? this.defaultOf(name, param));
    const place = () => {
      const v = current();
      if (Number.isFinite(v) && (param !== 'lr' || v > 0)) range.value = String(scale.fromValue(v));
    };
    place();
    range.addEventListener('input', () => {
      const value = scale.toValue(Number(range.value));
      const input = document.getElementById(`p-${name}-${param}`);
      if (input) input.value = String(value);
      this.store(name, param, String(value), value === Number(this.defaultOf(name, param)));
      this.updateHints();
      this.onLive();
    });
    this.placeKnobs.push({ name, param, place });
    wrap.append(el('span', 'knob-name', symbol), range);
    return wrap;
  }

  settingsGrid(o, name) {
    const grid = el('div', 'settings');
    const row = (param, help, input) => {
      const label = el('label', '', param);
      label.htmlFor = input.id;
      label.title = help || '';
      const wrap = el('div', 'setting');
      wrap.append(label, input);
      if (help) {
        const small = el('small', '', help);
        small.id = `${input.id}-help`;
        input.setAttribute('aria-describedby', small.id);
        wrap.append(small);
      }
      grid.append(wrap);
    };
    // the settings the maps page's form shows too (settingSpecs.js); lr has its own row on the card
    for (const spec of settingSpecs(o, this.defaults[o.name], this.examples)) {
      if (spec.name === 'lr') continue;
      const id = `p-${name}-${spec.name}`;
      row(spec.label, spec.help, spec.param ? this.paramInput(name, spec.param, id) : this.numberInput(name, spec.name, id));
    }
    if (this.schedules.length) {
      const id = `p-${name}-schedule`;
      const select = el('select');
      select.id = id;
      // the default (no schedule in the settings) first, then the others in registry order
      const defaultSchedule = this.runDefaults.schedule;
      for (const s of [{ name: defaultSchedule }, ...this.schedules.filter((s) => s.name !== defaultSchedule)]) {
        const opt = el('option', '', s.name);
        opt.value = s.name;
        select.append(opt);
      }
      select.value = this.setting(name, 'schedule') || defaultSchedule;
      const params = el('div', 'schedule-params');
      // a name the optimizer takes too (warmup-steps) is one setting, shown once, sent to both
      const own = (p) => o.params.some((q) => q.name === p.name);
      const fill = () => {
        params.replaceChildren();
        const s = this.schedules.find((q) => q.name === select.value);
        for (const p of (s && s.params) || []) {
          if (own(p)) continue;
          const input = this.paramInput(name, p, `p-${name}-${p.name}`);
          const label = el('label', '', p.name);
          label.htmlFor = input.id;
          label.title = p.help || '';
          const wrap = el('div', 'setting');
          wrap.append(label, input);
          params.append(wrap);
        }
      };
      select.addEventListener('change', () => {
        const old = this.schedules.find((q) => q.name === this.setting(name, 'schedule'));
        const dropped = ((old && old.params) || []).filter((p) => !own(p)).map((p) => p.name);
        this.emit('settings', changes.setSchedule(this.state, name, select.value === defaultSchedule ? null : select.value, dropped));
        fill();
      });
      fill();
      row('schedule', 'how lr changes with the step', select);
      grid.append(params);
    }
    return grid;
  }

  /** The input for a registry parameter, by its kind (docs/API.md, the catalog's params). */
  paramInput(name, p, id) {
    switch (p.kind) {
      case 'flag': return this.flagInput(name, p.name, id);
      case 'choice': return this.choiceInput(name, p, id);
      case 'numbers': return this.numbersInput(name, p, id);
      default: return this.numberInput(name, p.name, id);
    }
  }

  /** One setting typed as text: stored when it differs from the default, dropped when it matches. */
  store(name, param, text, isDefault) {
    if (this.tunedNotes.delete(name)) this.cards.get(name)?.li.querySelector('.tuned-note')?.remove();
    this.emit('settings', changes.setSetting(this.state, name, param, isDefault ? null : text));
  }

  choiceInput(name, p, id) {
    const select = el('select');
    select.id = id;
    for (const c of p.choices) {
      const opt = el('option', '', c);
      opt.value = c;
      select.append(opt);
    }
    select.value = this.setting(name, p.name) ?? p.default;
    select.addEventListener('change', () => this.store(name, p.name, select.value, select.value === p.default));
    return select;
  }

  /** A pair or list as comma-separated numbers ("0.5,1.2"); the server checks lengths and ranges. */
  numbersInput(name, p, id) {
    const input = el('input', 'num numbers');
    input.type = 'text';
    input.id = id;
    input.autocomplete = 'off';
    input.spellcheck = false;
    const def = p.default.join(',');
    input.value = this.setting(name, p.name) ?? def;
    input.placeholder = def;
    input.addEventListener('change', () => {
      const parts = input.value.split(',').map((t) => t.trim()).filter((t) => t !== '');
      if (parts.some((t) => !Number.isFinite(Number(t)))) {
        showInputError(input, `${p.name} takes ${p.allowed}, separated by commas`);
        this.onChange('invalid');
        return;
      }
      showInputError(input, null);
      const text = parts.join(',');
      input.value = text;
      this.store(name, p.name, text, parts.map(Number).join(',') === p.default.join(','));
    });
    return input;
  }

  numberInput(name, param, id) {
    const input = el('input', 'num');
    input.type = 'text';
    input.inputMode = 'decimal';
    input.id = id;
    input.autocomplete = 'off';
    input.spellcheck = false;
    const own = this.setting(name, param);
    const def = this.defaultOf(name, param);
    input.value = own !== undefined ? own : def === undefined ? '' : String(def);
    input.placeholder = def === undefined ? '' : String(def);
    input.addEventListener('change', () => {
      const text = input.value.trim();
      const isDefault = text === '' || Number(text) === Number(this.defaultOf(name, param));
      const problem = isDefault ? null : this.problem(name, param, text);
      if (problem) {
        // said under the field; the URL keeps the last good value, never a half-typed "0." or "abc"
        showInputError(input, problem);
        // The fields no longer describe the race on the map (nor an answer's old error): clear them.
        this.onChange('invalid');
        return;
      }
      if (isDefault) input.value = String(this.defaultOf(name, param));
      showInputError(input, null);
      this.store(name, param, text, isDefault);
      for (const k of this.placeKnobs) if (k.name === name && k.param === param) k.place();
      this.updateHints(); // lr, μ and τ all move the bound
    });
    return input;
  }

  /** What is wrong with `text` for racer `name`'s numeric `param`, by the catalog's rules (settingCheck), or null. */
  problem(name, param, text) {
    const o = this.byName.get(optimizerOf(name));
    const spec = RUN_SETTINGS[param] ?? o?.params.find((p) => p.name === param)
      ?? this.schedules.flatMap((s) => s.params).find((p) => p.name === param);
    if (spec) return settingProblem(spec, text);
    return Number.isFinite(Number(text)) ? null : `${param} must be a number, got '${text}'`;
  }

  flagInput(name, param, id) {
    const input = el('input');
    input.type = 'checkbox';
    input.id = id;
    const own = this.setting(name, param);
    const def = Number(this.defaultOf(name, param)) === 1;
    input.checked = own !== undefined ? own === 'true' || own === '1' : def;
    input.addEventListener('change', () => this.store(name, param, String(input.checked), input.checked === def));
    return input;
  }

  /** The start's analysis arrived: 2/λmax beside every learning rate of the gradient family. */
  setStartAnalysis(a) {
    this.startAnalysis = a;
    this.updateHints();
  }

  updateHints() {
    const eigenvalues = this.startAnalysis ? this.startAnalysis.eigenvalues : null;
    for (const [name, c] of this.cards) {
      const o = this.byName.get(optimizerOf(name));
      if (!o) continue;
      const setting = (param) => {
        const own = this.setting(name, param);
        const v = Number(own !== undefined ? own : this.defaultOf(name, param));
        return Number.isFinite(v) ? v : undefined;
      };
      const { text, warn } = stabilityHint(o, setting, Number(c.lr.value), eigenvalues);
      if (c.hint.textContent !== text) c.hint.textContent = text;
      c.hint.classList.toggle('warn', warn);
    }
  }

  /** Before a Run: every readout shows the loss at the start, step 0. */
  showStart(value, start) {
    for (const c of this.cards.values()) {
      this.write(c, value, 0, start[0], start[1]);
      c.shown = -1;
      c.ended = false;
      this.setStatus(c, 'ready', 'ready');
    }
  }

  /** A frame of the race: only cards whose shown step moved are written. */
  showFrame(tracks) {
    for (const t of tracks) {
      const c = this.cards.get(t.name);
      if (!c || c.shown === t.shown) continue;
      c.shown = t.shown;
      this.write(c, t.loss[t.shown], t.steps[t.shown], t.xs[t.shown], t.ys[t.shown], t);
      const done = t.shown === t.last;
      if (done && !c.ended) {
        c.ended = true;
        this.setStatus(c, this.endText(t), t.run.stop.reason, t.run.end ? t.run.end.kind : '');
      } else if (!done) {
        c.ended = false;
        if (t.shown === 0) this.setStatus(c, 'ready', 'ready'); // rewound to the start
        else this.setStatus(c, 'rolling…', 'running');
      }
    }
  }

  write(c, loss, step, x, y, t) {
    const diverged = t && t.run.stop.reason === 'diverged' && t.shown === t.last;
    const lossText = Number.isNaN(loss) ? (diverged ? '∞' : '—') : num(loss);
    if (c.loss.textContent !== lossText) {
      c.loss.textContent = lossText;
      c.loss.dataset.value = Number.isNaN(loss) ? '' : String(loss);
    }
    const stepText = String(step);
    if (c.step.textContent !== stepText) c.step.textContent = stepText;
    const posText = Number.isNaN(x) || Number.isNaN(y) ? 'off the map' : point(x, y, 3);
    if (c.pos.textContent !== posText) {
      c.pos.textContent = posText;
      c.pos.dataset.x = String(x);
      c.pos.dataset.y = String(y);
    }
  }

  setStatus(c, text, kind, end = '') {
    if (c.status.textContent !== text) c.status.textContent = text;
    if (c.status.dataset.end !== end) c.status.dataset.end = end; // a saddle or maximum is styled as a warning
    if (c.status.dataset.reason !== kind) {
      c.status.dataset.reason = kind;
      c.li.dataset.reason = kind;
    }
  }

  /**
   * How the run ended, from the stop reason and where it was (run.end, classified on the server by
   * the Hessian at the place it reached): a success only at a minimum; a saddle or a maximum is a
   * warning; a noisy run hovers around its minimum rather than "not converging".
   */
  endText(t) {
    const stop = t.run.stop;
    const end = t.run.end || { kind: 'unsettled' };
    const word = STOP_WORDS[stop.reason] || stop.reason;
    const at = end.x !== null && end.x !== undefined ? point(end.x, end.y, 3) : '';
    // "local minimum 15": one of the many the surface does not list (Rastrigin lists only its global one)
    const minimum = `${end.listed === false ? 'local ' : ''}minimum ${end.minimum} ${at}`;
    const critical = { saddle: 'a saddle', maximum: 'a maximum', degenerate: 'a flat critical point' }[end.kind];
    if (stop.reason === 'converged') {
      const n = `${stop.step} step${stop.step === 1 ? '' : 's'}`;
      if (end.kind === 'minimum' && end.minimum) return `✓ ${word} in ${n}, at ${minimum}`;
      if (end.kind === 'minimum') return `✓ ${word} in ${n}, at a minimum ${at} outside the map`;
      if (critical) return `⚠ ${word} in ${n} — to ${critical} at ${at}, not a minimum`;
      // the slope faded below the tolerance without vanishing: separable classes' loss falls for ever
      if (end.kind === 'unsettled') return `slope below the tolerance in ${n}, but no minimum near: the loss keeps falling beyond`;
      return `${word} in ${n}`;
    }
    if (stop.reason === 'diverged') return `✗ ${word} at step ${stop.step}: the steps grew without bound`;
    if (stop.reason === 'max-steps') {
      if (end.kind === 'near-minimum') {
        const batches = t.run.spec.batchSize > 0 && t.run.spec.batchSize < this.examples;
        if (batches) return `hovering around ${minimum}: each minibatch pulls it elsewhere (${stop.step} steps)`;
        return t.run.spec.noise > 0 ? `hovering around ${minimum}: the noise keeps it moving (${stop.step} steps)`
          : `${word} (${stop.step}); ended near ${minimum}, not converged`;
      }
      if (critical) return `⚠ ${word} (${stop.step}); stuck near ${critical} at ${at}`;
      return `${word} (${stop.step}), still on its way`;
    }
    return `${word} at step ${stop.step}`;
  }

  /** The racers of a /api/race body, from state and the registries. */
  /** The ids of the racers racers() returns, in the same order: "gd", "gd:2", … */
  racingIds() {
    return this.state.optimizers.filter((id) => this.byName.has(optimizerOf(id)));
  }

  racers() {
    return this.racingIds().map((name) => {
      const o = this.byName.get(optimizerOf(name));
      const own = this.state.settings[name] || {};
      const racer = { optimizer: o.name };
      const params = {};
      let schedule = null;
      const schedule0 = own.schedule ? this.schedules.find((s) => s.name === own.schedule) : null;
      const scheduleParams = new Set(schedule0 ? schedule0.params.map((p) => p.name) : []);
      for (const [param, text] of Object.entries(own)) {
        const taken = o.params.find((p) => p.name === param);
        if (param === 'schedule' || (scheduleParams.has(param) && !taken)) continue;
        params[param] = wireValue(taken, text);
      }
      if (own.schedule) {
        schedule = { name: own.schedule, params: {} };
        // a schedule this server does not know (from a link) goes as it is: the race says so by name
        for (const p of schedule0 ? schedule0.params : []) if (own[p.name] !== undefined) schedule.params[p.name] = wireValue(p, own[p.name]);
      }
      if (Object.keys(params).length) racer.params = params;
      if (schedule) racer.schedule = schedule;
      return racer;
    });
  }
}

/** The racers and settings a state's cards show, as one value to compare. */
function cardsKey(state) {
  return JSON.stringify([state.optimizers, state.settings]);
}

/**
 * Says under a field what is wrong with it (red, and read out), or clears that: a tooltip alone was
 * easy to miss. An answer's error on the same field (transportReader.js) is cleared the same way once it is fixed.
 */
export function showInputError(input, message) {
  const id = `${input.id}-error`;
  let note = document.getElementById(id);
  if (!message) {
    input.removeAttribute('aria-invalid');
    note?.remove();
    return;
  }
  input.setAttribute('aria-invalid', 'true');
  if (!note) {
    note = el('span', 'input-error');
    note.id = id;
    note.setAttribute('role', 'alert');
    note.dataset.testid = id;
    input.insertAdjacentElement('afterend', note);
  }
  note.textContent = message;
}

/**
 * A setting as /api/race takes it: a flag as a boolean, a real as a number, pairs, lists and
 * choices as the text typed ("0.5,1.2", "cos"), which the server reads as the CLI does.
 */
function wireValue(p, text) {
  if (p && p.kind === 'flag') return text === 'true' || text === '1';
  if (!p || p.kind === 'real') return Number(text);
  return text;
}
