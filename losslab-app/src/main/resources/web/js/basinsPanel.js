// The Basins tab of the maps page: pick a surface, an optimizer and its settings, a grid and a step
// budget; Compute runs a basins job (POST /api/jobs, with a progress bar and Cancel) and draws every
// start in the colour of the minimum it reaches, over the landscape's contours. Clicking a start
// opens the lab racing that optimizer from there. Everything numeric comes from the API (catalog,
// per-surface defaults, landscape, map).

import * as api from './api.js';
import { LandscapeLayer } from './landscapeLayer.js';
import { Frame, sizeCanvas } from './plotFrame.js';
import { point } from './format.js';
import * as labUrl from './urlState.js';
import { BasinView } from './mapsView.js';
import { renderLegend } from './mapsLegend.js';
import { JobProgress } from './jobProgress.js';
import { JobRunner, FormChecks, fillSurfaces, wholeProblem } from './mapsForm.js';
import * as fieldErrors from './fieldErrors.js';
import { settingProblem } from './settingCheck.js';
import { settingSpecs } from './settingSpecs.js';

/** The map a fresh tab opens with: this page's choice (the API has no default surface or optimizer). */
const OPENING = { surface: 'himmelblau', optimizer: 'gd' };
const MARGIN = { left: 44, right: 14, top: 16, bottom: 40 };

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('maps-form'), surface: $('surface-select'), optimizer: $('optimizer-select'),
  params: $('param-grid'), grid: $('grid-input'), steps: $('steps-input'), workHint: $('work-hint'),
  compute: $('compute'), status: $('status'), error: $('error'), mapBox: $('basin-map'),
  canvas: $('map-canvas'), readout: $('readout'), legend: $('legend'), legendHint: $('legend-hint'),
  stage: document.querySelector('#panel-basins .maps-stage'),
};

const landscape = new LandscapeLayer();
const view = new BasinView(landscape);
const frame = new Frame();
const job = new JobProgress({ box: $('basins-job'), bar: $('progress'), text: $('progress-text'), cancel: $('cancel') });
let catalog = null;
let bounds = null;       // catalog.limits.basins: maxGrid, maxSteps, maxWork
let mapDefaults = null;  // catalog.defaults.basins: grid, steps (what the API takes when they are left out)
let defaults = {};       // /api/surface's defaults: optimizer → { lr, noise, batchSize }
let examples = null;     // on a surface made of data, its n (batch sizes run from 1 to it)
// What the URL and the lab link hold: each setting's last valid text that differs from its default
// (param → text), and the last valid grid and steps. A field holding something the API would refuse
// shows why under it and leaves these as they were, so a link never carries odd text.
let overrides = {};
let linked = { grid: null, steps: null };
let map = null;          // the last basins answer shown
let mapBody = null;      // the job body it was computed with (the form may have changed since)
let onChange = () => {}; // tells the page the URL state changed
let started = false;
const runner = new JobRunner({
  job, ui, inputFor, hasResult: () => map !== null,
  texts: { working: 'Computing the map…', unfinished: 'the map was not finished', stale: 'Settings changed: press Compute to update the map.' },
});

function optimizerKind(name) {
  return catalog.optimizers.find((o) => o.name === name);
}

/**
 * The settings shown for the current optimizer: [{name, label, value, flag, choices, help, rule}],
 * rule being what settingCheck.js checks its text against.
 */
function paramSpecs() {
  const kind = optimizerKind(ui.optimizer.value);
  return settingSpecs(kind, defaults[kind.name], examples).map((p) => ({ ...p, flag: p.param?.flag, choices: p.param?.choices }));
}

let rules = new Map(); // param → its rule, for the fields buildParams made

/** Builds the current optimizer's fields, holding `given` (param → text) or else the defaults. */
function buildParams(given = {}) {
  rules = new Map(paramSpecs().map((p) => [p.name, p.rule]));
  const fields = paramSpecs().map((p) => {
    const field = document.createElement('div');
    const id = `param-${p.name}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = p.label;
    label.title = p.help || '';
    const input = document.createElement(p.choices ? 'select' : 'input');
    input.id = id;
    input.name = p.name;
    input.dataset.testid = `param-${p.name}`;
    input.dataset.default = p.value === null || p.value === undefined ? '' : String(p.value);
    const text = given[p.name];
    if (p.flag) {
      field.className = 'field flag';
      input.type = 'checkbox';
      input.checked = (text ?? input.dataset.default) === '1' || text === 'true';
      field.append(input, label);
    } else if (p.choices) {
      field.className = 'field';
      for (const c of p.choices) input.append(new Option(c, c));
      input.value = text ?? input.dataset.default;
      field.append(label, input);
    } else {
      field.className = 'field';
      input.type = 'text';
      input.inputMode = 'decimal';
      input.autocomplete = 'off';
      input.className = 'num';
      input.value = text ?? input.dataset.default;
      if (p.name === 'seed') input.placeholder = 'default';
      field.append(label, input);
    }
    return field;
  });
  ui.params.replaceChildren(...fields);
}

function paramValue(input) {
  return input.type === 'checkbox' ? (input.checked ? '1' : '0') : input.value.trim();
}

/** Why the field's text cannot go to the API, or null (empty: the default, always fine). */
function fieldProblem(input) {
  if (input === ui.grid) return wholeProblem(input.value, 2, bounds.maxGrid, 'Grid');
  if (input === ui.steps) return wholeProblem(input.value, 0, bounds.maxSteps, 'Steps');
  const v = paramValue(input);
  return v === '' ? null : settingProblem(rules.get(input.name), v);
}

/**
 * Reads the fields into what the URL holds: each valid one's value, each invalid one's last valid
 * value. `say` shows an invalid field's message under it (on change, not at every keystroke of a
 * number half typed); a field turning valid loses its message at once.
 */
function readControls(say = false) {
  const next = {};
  const mark = (input, problem) => {
    if (!problem) fieldErrors.hide(input);
    else if (say) fieldErrors.show(input, problem);
    return !problem;
  };
  for (const input of ui.params.querySelectorAll('input, select')) {
    const v = paramValue(input);
    if (mark(input, fieldProblem(input))) {
      if (v !== '' && v !== input.dataset.default) next[input.name] = v;
    } else if (input.name in overrides) {
      next[input.name] = overrides[input.name];
    }
  }
  overrides = next;
  for (const [key, input] of [['grid', ui.grid], ['steps', ui.steps]]) {
    if (mark(input, fieldProblem(input))) linked[key] = Number(input.value);
  }
  onChange();
  updateWorkHint();
}

/** This tab's part of the URL state (docs/API.md, "The maps page's URL state"). */
export function state(initial) {
  if (!started) {
    return { surface: initial.surface, optimizer: initial.optimizer, grid: initial.grid, steps: initial.steps, params: initial.params };
  }
  return { surface: ui.surface.value, optimizer: ui.optimizer.value, grid: linked.grid, steps: linked.steps, params: overrides };
}

/** Every setting, explicit, as the API and the lab link take them: the last valid values. */
function allParams() {
  const params = {};
  for (const input of ui.params.querySelectorAll('input, select')) {
    const v = overrides[input.name] ?? input.dataset.default;
    if (v !== '') params[input.name] = v;
  }
  return params;
}

function updateWorkHint() {
  const g = linked.grid ?? mapDefaults.grid, s = linked.steps ?? mapDefaults.steps;
  const work = g * g * Math.max(1, s);
  ui.workHint.textContent = `${(g * g).toLocaleString('en')} starts × up to ${s.toLocaleString('en')} steps`
    + (work > bounds.maxWork ? ` — too much: at most ${(bounds.maxWork / 1e6).toLocaleString('en')} million steps in all` : '');
  ui.workHint.classList.toggle('field-error', work > bounds.maxWork);
}

/** The page's own checks, with a message next to each bad field; true when all is well. */
function check() {
  const checks = new FormChecks(ui.form);
  for (const input of ui.params.querySelectorAll('input, select')) {
    const problem = fieldProblem(input);
    if (problem) checks.fail(input, problem);
  }
  const g = checks.whole(ui.grid, 2, bounds.maxGrid, 'Grid');
  const s = checks.whole(ui.steps, 0, bounds.maxSteps, 'Steps');
  if (checks.ok && g * g * Math.max(1, s) > bounds.maxWork) {
    checks.fail(ui.steps, `grid² × steps is ${(g * g * Math.max(1, s)).toLocaleString('en')}; at most `
      + `${bounds.maxWork.toLocaleString('en')}: use a smaller grid or fewer steps`);
  }
  return checks.ok;
}

function inputFor(field) {
  return ui.form.querySelector(`[name="${CSS.escape(field)}"]`);
}

/** The job the form asks for: its last valid settings (all of them, once check() has passed). */
function jobBody() {
  const s = state();
  return { kind: 'basins', surface: s.surface, optimizer: s.optimizer, grid: s.grid, steps: s.steps, ...allParams() };
}

async function compute() {
  readControls();
  ui.error.textContent = '';
  if (!check()) {
    ui.status.textContent = '';
    return;
  }
  const body = jobBody();
  await runner.run(body, (answer) => {
    map = answer;
    mapBody = body;
    view.setMap(map);
    renderLegend(ui.legend, map);
    ui.legendHint.textContent = `${map.grid}×${map.grid} starts, ${map.optimizer}, lr ${map.spec.lr}, ${map.spec.maxSteps} steps each.`;
    draw();
    // On a phone the controls sit above the map: bring the answer into view.
    if (ui.stage.getBoundingClientRect().top < 0 || ui.stage.getBoundingClientRect().top > innerHeight * 0.6) {
      ui.stage.scrollIntoView({ block: 'start' });
    }
    return `Done: ${(map.grid * map.grid).toLocaleString('en')} runs.`;
  });
}

function layout() {
  const widCss = Math.max(200, Math.min(ui.mapBox.clientWidth, 660));
  const plot = widCss - MARGIN.left - MARGIN.right;
  sizeCanvas(ui.canvas, widCss, plot + MARGIN.top + MARGIN.bottom);
  frame.setPlot(MARGIN.left, MARGIN.top, plot, plot);
}

function draw() {
  if (ui.mapBox.clientWidth === 0) return; // the tab is hidden: drawn when shown
  layout();
  view.draw(ui.canvas, frame);
}

/** Loads surface `name` and builds its settings' fields, holding `given` (param → text) or the defaults. */
async function loadSurface(name, given = {}) {
  const [surface, land] = await Promise.all([api.surface(name), api.landscape(name)]);
  if (name !== ui.surface.value) return; // another surface was picked meanwhile: its load draws
  defaults = surface.defaults || {};
  examples = surface.examples ?? null;
  landscape.setData(land);
  frame.setWindow(land.window);
  map = null;
  mapBody = null;
  view.clearMap();
  ui.legend.replaceChildren();
  ui.legendHint.textContent = 'Press Compute to colour the map.';
  ui.stage.classList.remove('stale');
  buildParams(given);
  draw();
}

/** The world point at the centre of the cell under (xPx, yPx), or the point itself with no map. */
function startAt(xPx, yPx) {
  const cell = view.cellAt(frame, xPx, yPx);
  if (cell) {
    const n = map.grid, w = map.window;
    return { x: w[0] + (cell.i * (w[1] - w[0])) / (n - 1), y: w[2] + (cell.j * (w[3] - w[2])) / (n - 1), label: cell.label };
  }
  if (!frame.inside(xPx, yPx)) return null;
  return { x: frame.xWorld(xPx), y: frame.yWorld(yPx), label: null };
}

function labLink(start) {
  const span = frame.x1 - frame.x0;
  const round = (v) => Number(v.toFixed(Math.max(0, Math.ceil(-Math.log10(span / 1000)))));
  // The map shown was computed with its own settings, which the form may no longer hold.
  const { kind, grid, surface, optimizer, steps, ...params } = mapBody || jobBody();
  return `/?${labUrl.format({
    surface, start: [round(start.x), round(start.y)], optimizers: [optimizer], steps, settings: { [optimizer]: params },
  })}`;
}

function describe(label) {
  if (label === null || label === undefined) return '';
  if (label === -1) return ' → diverged';
  if (label === -2) return ' → still on its way when the steps ran out';
  if (label === -3) return ' → stuck at a saddle';
  if (label === -4) return ' → stuck at a maximum';
  const m = map.minima[label];
  return ` → minimum ${label + 1} at ${point(m.x, m.y, 3)}${label >= map.listed ? ' (a local minimum)' : ''}`;
}

function pointerXY(event) {
  const r = ui.canvas.getBoundingClientRect();
  return [event.clientX - r.left, event.clientY - r.top];
}

function wire() {
  ui.surface.addEventListener('change', async () => {
    overrides = {};
    ui.error.textContent = '';
    fieldErrors.clear(ui.form);
    runner.surfaceChanged();
    try {
      await loadSurface(ui.surface.value);
    } catch (e) {
      ui.error.textContent = e.message;
    }
    readControls();
  });
  ui.optimizer.addEventListener('change', () => {
    overrides = {};
    buildParams();
    readControls();
    runner.changed();
  });
  ui.form.addEventListener('input', (e) => {
    if (e.target === ui.surface || e.target === ui.optimizer) return;
    readControls();
    runner.changed();
  });
  // a field left (or Enter pressed) holding something the API would refuse: say why under it
  ui.form.addEventListener('change', (e) => {
    if (e.target !== ui.surface && e.target !== ui.optimizer) readControls(true);
  });
  ui.form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!job.busy) compute();
  });
  ui.canvas.addEventListener('pointermove', (e) => {
    const start = startAt(...pointerXY(e));
    ui.readout.textContent = start
      ? `Start ${point(start.x, start.y, 3)}${describe(start.label)} — click to race from here in the lab`
      : 'Click a start to open the lab from there.';
  });
  ui.canvas.addEventListener('click', (e) => {
    const start = startAt(...pointerXY(e));
    if (start) location.assign(labLink(start));
  });
  new ResizeObserver(() => draw()).observe(ui.mapBox);
}

/**
 * Builds the tab from the catalog and its part of the URL state.
 * @param {object} cat     /api/catalog
 * @param {object} initial mapsState.parse's answer
 * @param {() => void} changed called whenever this tab's URL state changes
 */
export async function start(cat, initial, changed) {
  catalog = cat;
  bounds = cat.limits.basins;
  mapDefaults = cat.defaults.basins;
  ui.compute.disabled = true;
  ui.grid.max = String(bounds.maxGrid);
  ui.steps.max = String(bounds.maxSteps);
  fillSurfaces(ui.surface, catalog, initial.surface, OPENING.surface);
  for (const o of catalog.optimizers) ui.optimizer.add(new Option(o.title, o.name));
  const optimizers = catalog.optimizers.map((o) => o.name);
  ui.optimizer.value = optimizers.includes(initial.optimizer) ? initial.optimizer : OPENING.optimizer;
  ui.grid.value = String(Math.min(bounds.maxGrid, Math.max(2, initial.grid ?? mapDefaults.grid)));
  ui.steps.value = String(Math.min(bounds.maxSteps, initial.steps ?? mapDefaults.steps));
  try {
    // the link's settings fill the fields; those the API would refuse stay out of the URL (readControls)
    await loadSurface(ui.surface.value, initial.params);
  } catch (e) {
    ui.error.textContent = e.message;
    return;
  }
  started = true;
  onChange = changed;
  readControls(true);
  wire();
  ui.compute.disabled = false;
}

/** Redraws after the tab is shown (a hidden canvas has no size). */
export function shown() {
  if (started) draw();
}
