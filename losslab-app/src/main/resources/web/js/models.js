// The models page (models.html): pick data, a network and up to four optimizers; Train runs them as
// one server job (kind "train", docs/API.md) from the same initial weights and batches, with a
// progress bar and Cancel; the curves grow as the job's polls bring them (loss and gradient norm on a
// log scale, accuracy, sharpness against 2/lr when asked), and the data is drawn with each
// optimizer's decision boundary, redrawn from each poll while it trains and at the last step when it
// ends. Then "Look at the loss" (lookPanel.js) slices the trained race's loss and finds its Hessian's
// eigenvalues. The set-up lives in the URL (modelsState.js).

import * as api from './api.js';
import * as state from './modelsState.js';
import * as fieldErrors from './fieldErrors.js';
import { JobProgress, JobCancelled } from './jobProgress.js';
import { CurveChart } from './curveChart.js';
import { BoundaryPanel, SHAPES } from './boundaryPanel.js';
import { racerColor } from './palette.js';
import { nextId, optimizerOf } from './racerIds.js';
import { RUN_SETTINGS, settingProblem } from './settingCheck.js';
import { num } from './format.js';
import { LookPanel } from './lookPanel.js';

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('models-form'), data: $('data-select'), dataHint: $('data-hint'), model: $('model-select'),
  loss: $('loss-select'), mlp: $('mlp-fields'), hidden: $('hidden-input'), activation: $('activation-select'),
  shapeHint: $('shape-hint'), steps: $('steps-input'), batch: $('batch-input'), seed: $('seed-input'),
  sharpness: $('sharpness-input'), racers: $('racer-list'), addSelect: $('add-select'), add: $('add-racer'),
  train: $('train'), status: $('status'), error: $('error'), legend: $('legend-body'), legendHint: $('legend-hint'),
  accuracyFigure: $('accuracy-figure'), sharpnessFigure: $('sharpness-figure'), sharpnessNote: $('sharpness-note'),
  boundaryFigure: $('boundary-figure'), boundaryCaption: $('boundary-caption'),
};

const job = new JobProgress({ box: $('train-job'), bar: $('progress'), text: $('progress-text'), cancel: $('cancel') });
const charts = {
  loss: new CurveChart($('loss-chart'), { log: true, empty: 'Press Train to plot each optimizer’s loss' }),
  accuracy: new CurveChart($('accuracy-chart'), { range: [0, 1], format: (v) => `${Math.round(100 * v)} %`, empty: 'Accuracy appears as training runs' }),
  grad: new CurveChart($('grad-chart'), { log: true, empty: 'The gradient norm appears as training runs' }),
  sharpness: new CurveChart($('sharpness-chart'), { empty: 'Sharpness appears at its first check' }),
};
const boundary = new BoundaryPanel($('boundary-canvas'));
const look = new LookPanel();

let catalog = null;
// The running race's last poll as drawn ({ result, racers }): when it stops early its table and
// boundaries stay, and say that it stopped.
let running = null;
const current = state.parse(location.search);
let maxRacers = 4;

// ---- the form -----------------------------------------------------------------------------------

function option(select, value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  select.append(o);
}

function dataset(name) {
  return catalog.networks.datasets.find((d) => d.name === name);
}

function kind(name) {
  return catalog.optimizers.find((o) => o.name === name);
}

/** "200 rows · 2 features · 2 classes (0, 1)" and what the rows are. */
function describeData() {
  const d = dataset(ui.data.value);
  if (!d) return;
  const labels = d.classes.length ? `${d.classes.length} classes` : 'a real number to predict';
  ui.dataHint.textContent = `${d.rows} rows · ${d.inputs} feature${d.inputs === 1 ? '' : 's'} · ${labels}. ${d.description}`;
  ui.accuracyFigure.hidden = d.classes.length === 0;
}

/** The loss the model takes when none is chosen, as the server picks it (ModelKind.defaultLoss). */
function defaultLoss() {
  const d = dataset(ui.data.value);
  if (!d || d.classes.length === 0 || ui.model.value === 'linear') return 'mse';
  return d.classes.length === 2 ? 'bce' : 'ce';
}

function describeModel() {
  const mlp = ui.model.value === 'mlp';
  ui.mlp.hidden = !mlp;
  ui.loss.options[0].textContent = `default (${defaultLoss()})`;
  const d = dataset(ui.data.value);
  const hidden = mlp ? (ui.hidden.value.trim() || catalog.networks.defaults.hidden) : '';
  const loss = ui.loss.value || defaultLoss();
  const outputs = !d ? '?' : loss === 'ce' || (loss === 'mse' && d.classes.length > 2) ? d.classes.length : 1;
  const widths = [d ? d.inputs : '?', ...(hidden ? hidden.split(',').map((w) => w.trim()) : []), outputs];
  ui.shapeHint.textContent = `Network ${widths.join('-')}: ${mlp ? `linear layers with ${ui.activation.value} between them`
    : ui.model.value === 'logistic' ? 'one linear layer read as logits' : 'one linear layer'}, trained on the ${loss} loss.`;
}

/** One racer's row: its colour, name, lr and (folded) its other settings. */
function racerRow(id) {
  const k = kind(optimizerOf(id));
  const settings = current.settings[id] ?? (current.settings[id] = Object.create(null));
  const li = document.createElement('li');
  li.className = 'racer-row';
  li.dataset.id = id;
  li.dataset.testid = `racer-${id}`;
  li.style.setProperty('--racer', racerColor(id));
  const head = document.createElement('div');
  head.className = 'racer-head';
  const chip = document.createElement('span');
  chip.className = 'chip';
  chip.setAttribute('aria-hidden', 'true');
  const name = document.createElement('span');
  name.className = 'racer-name';
  name.textContent = id;
  name.title = k.title;
  const lrField = document.createElement('div');
  lrField.className = 'field lr-field';
  const lrLabel = document.createElement('label');
  lrLabel.htmlFor = `p-${id}-lr`;
  lrLabel.textContent = 'lr';
  const lr = input(id, 'lr', settings.lr ?? '', num(catalog.networks.defaults.lr[k.name]));
  lrField.append(lrLabel, lr);
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'btn btn-small remove';
  remove.textContent = '×';
  remove.setAttribute('aria-label', `Remove ${id}`);
  remove.dataset.testid = `remove-${id}`;
  remove.addEventListener('click', () => {
    current.racers = current.racers.filter((r) => r !== id);
    delete current.settings[id];
    renderRacers();
    changed();
  });
  head.append(chip, name, lrField, remove);
  li.append(head);
  const details = document.createElement('details');
  details.className = 'racer-settings';
  const summary = document.createElement('summary');
  summary.textContent = `Settings: ${[...k.params.map((p) => p.name), 'schedule'].join(', ')}`;
  summary.title = k.title;
  const grid = document.createElement('div');
  grid.className = 'param-grid';
  for (const p of k.params) grid.append(settingField(id, p, settings));
  grid.append(...scheduleFields(id, k, settings));
  details.append(summary, grid);
  if (Object.keys(settings).some((n) => n !== 'lr')) details.open = true;
  li.append(details);
  return li;
}

/** A registry parameter's labelled input, its default as the placeholder. */
function settingField(id, p, settings) {
  const field = document.createElement('div');
  field.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = `p-${id}-${p.name}`;
  label.textContent = p.name;
  label.title = p.help;
  const shown = p.flag ? (p.default ? '1' : '0') : Array.isArray(p.default) ? p.default.join(',') : String(p.default ?? '');
  field.append(label, input(id, p.name, settings[p.name] ?? '', shown));
  return field;
}

/** The schedule this racer's settings name, or null for the default (constant). */
function scheduleOf(id) {
  const name = current.settings[id]?.schedule;
  return name ? catalog.schedules.find((s) => s.name === name) ?? null : null;
}

/**
 * A racer's learning-rate schedule: a choice of the catalog's schedules (constant first) and the
 * chosen one's parameters. A name the optimizer takes too is one setting, shown once, sent to both.
 */
function scheduleFields(id, k, settings) {
  const field = document.createElement('div');
  field.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = `p-${id}-schedule`;
  label.textContent = 'schedule';
  label.title = 'how lr changes with the step';
  const select = document.createElement('select');
  select.id = `p-${id}-schedule`;
  select.dataset.testid = `p-${id}-schedule`;
  const constant = catalog.defaults.schedule;
  for (const s of [{ name: constant }, ...catalog.schedules.filter((s) => s.name !== constant)]) option(select, s.name, s.name);
  select.value = scheduleOf(id)?.name ?? constant;
  field.append(label, select);
  const params = document.createElement('div');
  params.className = 'schedule-params';
  const own = (p) => k.params.some((q) => q.name === p.name);
  const fill = () => params.replaceChildren(...(scheduleOf(id)?.params ?? []).filter((p) => !own(p))
    .map((p) => settingField(id, p, settings)));
  select.addEventListener('change', () => {
    fieldErrors.hide(select);
    for (const p of scheduleOf(id)?.params ?? []) if (!own(p)) delete settings[p.name];
    if (select.value === constant) delete settings.schedule;
    else settings.schedule = select.value;
    fill();
    changed();
  });
  fill();
  return [field, params];
}

/** A setting's input: empty means its default, shown as the placeholder. */
function input(id, param, value, placeholder) {
  const el = document.createElement('input');
  el.type = 'text';
  el.className = 'num';
  el.id = `p-${id}-${param}`;
  el.dataset.testid = `p-${id}-${param}`;
  el.autocomplete = 'off';
  el.inputMode = 'decimal';
  el.value = value;
  el.placeholder = placeholder;
  el.addEventListener('input', () => {
    fieldErrors.hide(el);
    const text = el.value.trim();
    if (text === '') delete current.settings[id][param];
    else current.settings[id][param] = text;
    changed();
  });
  return el;
}

function renderRacers() {
  ui.racers.replaceChildren(...current.racers.map(racerRow));
  ui.add.disabled = current.racers.length >= maxRacers;
  ui.addSelect.disabled = ui.add.disabled;
}

function readForm() {
  current.data = ui.data.value;
  current.model = ui.model.value;
  current.hidden = ui.hidden.value.trim();
  current.activation = ui.activation.value;
  current.loss = ui.loss.value;
  current.steps = ui.steps.value.trim();
  current.batchSize = ui.batch.value.trim();
  current.seed = ui.seed.value.trim();
  current.sharpnessEvery = ui.sharpness.value.trim();
}

function changed() {
  readForm();
  describeData();
  describeModel();
  state.write(current);
}

function fillForm() {
  for (const d of catalog.networks.datasets) option(ui.data, d.name, d.name);
  for (const m of catalog.networks.models) option(ui.model, m, m);
  option(ui.loss, '', 'default');
  for (const l of catalog.networks.losses) option(ui.loss, l, l);
  for (const a of catalog.networks.activations) option(ui.activation, a, a);
  for (const o of catalog.optimizers) option(ui.addSelect, o.name, o.name);
  const pick = (select, value, fallback) => { select.value = value; if (select.value !== value) select.value = fallback; };
  pick(ui.data, current.data, state.DEFAULTS.data);
  pick(ui.model, current.model, state.DEFAULTS.model);
  pick(ui.loss, current.loss, '');
  pick(ui.activation, current.activation, state.DEFAULTS.activation);
  ui.addSelect.value = 'adam';
  ui.hidden.value = current.hidden;
  ui.steps.value = current.steps;
  ui.steps.max = String(catalog.limits.training.maxSteps);
  ui.batch.value = current.batchSize;
  ui.seed.value = current.seed;
  ui.sharpness.value = current.sharpnessEvery;
  maxRacers = catalog.limits.training.maxRacers;
  $('max-racers').textContent = String(maxRacers);
  current.racers = current.racers.filter((id) => kind(optimizerOf(id))).slice(0, maxRacers);
  renderRacers();
  for (const el of [ui.data, ui.model, ui.loss, ui.activation, ui.hidden, ui.steps, ui.batch, ui.seed, ui.sharpness]) {
    el.addEventListener(el.tagName === 'SELECT' ? 'change' : 'input', () => {
      fieldErrors.hide(el);
      changed();
    });
  }
  ui.add.addEventListener('click', () => {
    if (current.racers.length >= maxRacers) return;
    const id = nextId(ui.addSelect.value, current.racers);
    current.racers.push(id);
    current.settings[id] = Object.create(null);
    renderRacers();
    changed();
  });
  changed();
}

// ---- checking and training ----------------------------------------------------------------------

/** The input an API error's field (and racer) names. */
function inputFor(field, racer) {
  if (racer !== null && racer !== undefined) {
    const id = current.racers[racer];
    return id ? $(`p-${id}-${field}`) : null;
  }
  return { data: ui.data, model: ui.model, hidden: ui.hidden, activation: ui.activation, loss: ui.loss, steps: ui.steps,
    'batch-size': ui.batch, seed: ui.seed, 'sharpness-every': ui.sharpness }[field] ?? null;
}

/** A setting as typed → its JSON value, by the catalog's kind. */
function settingValue(spec, text) {
  switch (spec.kind) {
    case 'flag': return text === '1' || text === 'true';
    case 'choice': return text;
    case 'numbers': return text.split(',').map((t) => Number(t.trim()));
    default: return Number(text);
  }
}

/** The job's body from the form, or null after marking every field the page can tell is wrong. */
function body() {
  fieldErrors.clear(ui.form);
  ui.error.textContent = '';
  let first = null;
  const fail = (el, message) => { fieldErrors.show(el, message); first ??= el; };
  const limits = catalog.limits.training;
  const d = dataset(current.data);
  const whole = (el, text, lo, hi, what) => {
    if (!/^\d{1,9}$/.test(text) || Number(text) < lo || Number(text) > hi) fail(el, `${what} must be a whole number from ${lo} to ${hi}, got '${text}'`);
    return Number(text);
  };
  const steps = whole(ui.steps, current.steps, 1, limits.maxSteps, 'steps');
  const request = { kind: 'train', data: current.data, model: current.model, activation: current.activation, seed: 0, steps, racers: [] };
  if (current.model === 'mlp' && current.hidden !== '') {
    if (!/^\s*\d{1,4}(\s*,\s*\d{1,4})*\s*$/.test(current.hidden)) fail(ui.hidden, `hidden takes widths such as 16,16 (one per layer), got '${current.hidden}'`);
    request.hidden = current.hidden;
  }
  if (current.loss) request.loss = current.loss;
  if (current.batchSize !== '' && current.batchSize !== 'full') request['batch-size'] = whole(ui.batch, current.batchSize, 1, d.rows, 'batch size');
  if (!/^-?\d{1,18}$/.test(current.seed)) fail(ui.seed, `seed must be a whole number, got '${current.seed}'`);
  else request.seed = Number(current.seed);
  if (current.sharpnessEvery !== '' && current.sharpnessEvery !== 'off') {
    request['sharpness-every'] = whole(ui.sharpness, current.sharpnessEvery, 1, limits.maxSteps, 'sharpness every');
  }
  if (current.racers.length === 0) {
    ui.error.textContent = 'Add at least one optimizer to train.';
    first ??= ui.addSelect;
  }
  for (const id of current.racers) {
    const k = kind(optimizerOf(id));
    const chosen = scheduleOf(id);
    const racer = { optimizer: k.name, params: {} };
    if (chosen) racer.schedule = { name: chosen.name, params: {} };
    for (const [name, text] of Object.entries(current.settings[id] ?? {})) {
      const taken = name === 'lr' ? RUN_SETTINGS.lr : k.params.find((p) => p.name === name);
      const scheduled = chosen?.params.find((p) => p.name === name);
      const spec = taken ?? scheduled;
      if (!spec) continue;
      const problem = settingProblem(spec, text);
      if (problem) {
        fail($(`p-${id}-${name}`), problem);
        continue;
      }
      if (taken) racer.params[name] = settingValue(taken, text);
      if (scheduled) racer.schedule.params[name] = settingValue(scheduled, text);
    }
    request.racers.push(racer);
  }
  if (first) {
    first.focus();
    return null;
  }
  return request;
}

function setBusy(busy) {
  ui.train.disabled = busy;
  ui.train.setAttribute('aria-busy', String(busy));
  ui.train.textContent = busy ? 'Training…' : 'Train';
  ui.status.classList.toggle('busy', busy);
}

async function train(event) {
  event.preventDefault();
  if (job.busy) return;
  const request = body();
  if (!request) return;
  setBusy(true);
  ui.status.textContent = 'Training…';
  show(null, false);
  look.clear();
  try {
    const result = await job.run(request, { onRunning: (status) => { if (status.partial) show(status.partial, false); } });
    show(result, true);
    look.setRace(request, result);
    const stops = result.racers.filter((r) => r.stop !== 'max-steps');
    ui.status.textContent = `Done: ${result.racers.length} optimizer${result.racers.length === 1 ? '' : 's'} × ${result.steps} steps`
      + ` on the ${result.model.shape} network (${result.model.parameters.toLocaleString('en')} weights), ${result.batches}.`
      + (stops.length ? ` ${stops.map((r) => `${r.id} ${stopWords(r)}`).join('; ')}.` : '');
  } catch (e) {
    if (e instanceof JobCancelled) {
      ui.status.textContent = e.reason === 'request' ? 'Cancelled: the curves stop where training stopped.' : `Cancelled: ${e.message}.`;
      stopped('cancelled');
    } else {
      stopped('failed');
      ui.status.textContent = '';
      const input = e.field ? inputFor(e.field, e.racer) : null;
      if (input) fieldErrors.show(input, e.message);
      else ui.error.textContent = e.message;
      input?.focus();
    }
  } finally {
    setBusy(false);
  }
}

/**
 * The race table's last cell: how the racer ended; "training…" while it trains (or how it stopped,
 * when it stopped while the others train); where a cancelled or failed race left it (reached, the
 * step it was last at, which the thinned curve may not show).
 */
function endWords(r, ending) {
  const at = r.reached >= 0 ? ` at step ${r.reached}` : '';
  switch (ending) {
    case 'final': return stopWords(r);
    case 'training': return r.stop ? stopWords(r) : 'training…';
    case 'cancelled': return r.stop ? stopWords(r) : `cancelled${at}`;
    default: return r.stop ? stopWords(r) : `stopped by an error${at}`;
  }
}

function stopWords(r) {
  switch (r.stop) {
    case 'max-steps': return 'ran every step';
    case 'diverged': return `blew up at step ${r.reached + 1}`;
    case 'converged': return `converged at step ${r.reached}`;
    default: return `stopped: ${r.detail || r.stop}`;
  }
}

// ---- drawing the answer -------------------------------------------------------------------------

/** Draws a (partial or final) answer; null clears the charts for a new race. */
function show(result, final) {
  if (!result) {
    for (const chart of Object.values(charts)) chart.set([], 1);
    boundary.set(null, []);
    ui.legend.replaceChildren();
    ui.legend.parentElement.hidden = true;
    ui.legendHint.hidden = false;
    ui.sharpnessFigure.hidden = true;
    running = null;
    ui.boundaryCaption.textContent = 'When training starts, the data appears here (if it has two features), with each optimizer\'s decision boundary as it trains.';
    return;
  }
  const racers = result.racers.map((r) => ({ ...r, color: racerColor(r.id) }));
  const series = (key) => racers.map((r) => ({ id: r.id, color: r.color, x: r.curve.step, y: r.curve[key] ?? [] }));
  charts.loss.set(series('loss'), result.steps);
  charts.grad.set(series('gradNorm'), result.steps);
  const classes = result.data.classes.length > 0;
  ui.accuracyFigure.hidden = !classes;
  if (classes) charts.accuracy.set(series('accuracy'), result.steps);
  showSharpness(result, racers);
  showBoundary(result, racers, final);
  showLegend(result, racers, final ? 'final' : 'training');
  running = final ? null : { result, racers };
}

/** Training stopped before its end (cancelled or failed): the last poll's table and boundaries stay, and say so. */
function stopped(how) {
  if (!running) return;
  showLegend(running.result, running.racers, how);
  if (running.result.data.window) ui.boundaryCaption.textContent = boundaryCaption(running.result.data, running.racers, 'stopped');
  running = null;
}

function showSharpness(result, racers) {
  ui.sharpnessFigure.hidden = result.sharpnessEvery === null;
  if (result.sharpnessEvery === null) return;
  // under a schedule the edge moves with lr: 2/lr_k at every kept step
  const scheduled = (r) => r.schedule && r.schedule !== catalog.defaults.schedule;
  const lines = racers.map((r) => (scheduled(r)
    ? { x: r.curve.step, y: r.curve.lr.map((v) => (v > 0 ? 2 / v : null)), color: r.color, label: `2/lr (${r.schedule})` }
    : { value: 2 / r.lr, color: r.color, label: `2/lr = ${num(2 / r.lr, 3)}` }));
  charts.sharpness.set(racers.map((r) => ({ id: r.id, color: r.color, x: r.sharpness.step, y: r.sharpness.value })), result.steps, lines);
  let top = 0;
  for (const r of racers) for (const v of r.sharpness.value) if (v !== null) top = Math.max(top, v);
  const words = racers.map((r) => {
    const last = r.sharpness.value.at(-1);
    // the lr of the last update taken (the last step takes none)
    const lr = r.curve.lr.findLast((v) => v !== null) ?? r.lr;
    const edge = 2 / lr;
    const off = top > 0 && edge > 3 * top ? ' (above the chart)' : '';
    // null: Lanczos did not pin the top eigenvalue at that check (a Ritz value only bounds it from below)
    const value = last === undefined ? '—' : last === null ? 'not pinned by Lanczos' : num(last, 3);
    return `${r.id}: ${value} against 2/lr = ${num(edge, 3)}${off}`;
  });
  ui.sharpnessNote.textContent = `Every ${result.sharpnessEvery} steps. Latest — ${words.join(' · ')}.`;
}

/**
 * The data and each racer's boundary: while training, the one its poll traced at a recent step
 * (boundaryStep; a racer not yet traced, or too large a network to trace at each poll, has none), and
 * the final one at its last step. Only the running job's polls come here (Train waits until it ends),
 * and each redraw replaces the picture in one go: no flicker, no boundary of an old race.
 */
function showBoundary(result, racers, final) {
  const data = result.data;
  const drawn = Boolean(data.window);
  ui.boundaryFigure.classList.toggle('no-picture', !drawn);
  boundary.set(drawn ? data : null, racers);
  if (!drawn) {
    ui.boundaryCaption.textContent = data.inputs === 2
      ? `${data.name} has real-valued labels: there is no class boundary to draw.`
      : `${data.name} has ${data.inputs} features, too many to draw on a flat picture; the curves tell how training goes.`;
    return;
  }
  ui.boundaryCaption.textContent = boundaryCaption(data, racers, final ? 'final' : 'training');
}

/** The caption under the boundaries: which step each is at, and whether they still move. */
function boundaryCaption(data, racers, when) {
  const marks = data.classes.map((c, k) => `${SHAPES[k % SHAPES.length]} class ${c}`).join(', ');
  if (when === 'final') return `${data.name}: ${marks}. Each line is where that optimizer's network switches class, after its last step.`;
  const traced = racers.filter((r) => r.boundary && r.boundaryStep !== undefined);
  if (traced.length === 0) {
    return when === 'training'
      ? `${data.name}: ${marks}. Each optimizer's boundary appears as it trains (a large network's only when training ends).`
      : `${data.name}: ${marks}. Training stopped before a boundary was drawn.`;
  }
  // the racers run on their own threads: their boundaries are seldom at one step
  const steps = new Set(traced.map((r) => r.boundaryStep));
  const at = steps.size === 1 ? ` at step ${traced[0].boundaryStep}` : `: ${traced.map((r) => `${r.id}'s at step ${r.boundaryStep}`).join(', ')}`;
  const lines = `${data.name}: ${marks}. Each line is where that optimizer's network switches class${at}`;
  if (when !== 'training') return `${lines}, the last drawn before training stopped.`;
  // a racer that stopped early (it blew up, or converged) keeps the lines where it stopped
  const halted = racers.filter((r) => r.stop).map((r) => r.id);
  const going = racers.filter((r) => !r.stop).map((r) => r.id);
  if (halted.length === 0) return `${lines} — redrawn as ${racers.length === 1 ? 'it trains' : 'they train'}.`;
  if (going.length === 0) return `${lines}.`;
  const one = halted.length === 1;
  return `${lines} — redrawn as ${going.join(', ')} ${going.length === 1 ? 'trains' : 'train'};`
    + ` ${halted.join(', ')} stopped, ${one ? 'its' : 'their'} lines stay where ${one ? 'it' : 'they'} stopped.`;
}

/**
 * The race table. Its last column says how each racer ended (ending 'final'), that it is
 * still training, or where a race that was cancelled or failed stopped.
 */
function showLegend(result, racers, ending) {
  ui.legendHint.hidden = true;
  ui.legend.parentElement.hidden = false;
  const classes = result.data.classes.length > 0;
  document.querySelector('.race-table').classList.toggle('no-accuracy', !classes);
  ui.legend.replaceChildren(...racers.map((r) => {
    const tr = document.createElement('tr');
    tr.dataset.testid = `legend-${r.id}`;
    tr.style.setProperty('--racer', r.color);
    const last = r.curve.step.length - 1;
    const cells = [
      r.id, r.schedule && r.schedule !== catalog.defaults.schedule ? `${num(r.lr)}, ${r.schedule}` : num(r.lr), last >= 0 ? String(r.curve.step[last]) : '—', last >= 0 ? num(r.curve.loss[last]) : '—',
      classes && last >= 0 ? `${(100 * r.curve.accuracy[last]).toFixed(1)} %` : '—',
      endWords(r, ending),
    ];
    cells.forEach((text, i) => {
      const td = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) {
        td.scope = 'row';
        const chip = document.createElement('span');
        chip.className = 'chip';
        chip.setAttribute('aria-hidden', 'true');
        td.append(chip, text);
      } else {
        td.textContent = text;
      }
      if (i === 2) td.className = 'step-col';
      if (i === 3) td.dataset.testid = `loss-${r.id}`;
      if (i === 4) td.className = 'acc-col';
      tr.append(td);
    });
    // while training the row has no data-stop (the page's tests wait for it as for the end of the race)
    if (ending === 'final') tr.dataset.stop = r.stop;
    else if (ending !== 'training') tr.dataset.stop = r.stop ?? ending;
    return tr;
  }));
}

async function boot() {
  try {
    catalog = await api.catalog();
  } catch (e) {
    ui.error.textContent = e.message;
    return;
  }
  fillForm();
  ui.form.addEventListener('submit', train);
  ui.train.disabled = false;
  show(null, false);
}

boot();
