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
import { JobProgress, JobCancelled } from './jobProgress.js';
import * as fieldErrors from './fieldErrors.js';

const DEFAULT_GRID = 100;
const DEFAULT_STEPS = 1000;
const CONTOUR_GRID = 160;
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
let defaults = {};       // /api/surface's defaults: optimizer → { lr, noise }
let overrides = {};      // param → text the user typed (or the URL gave), differing from the default
let map = null;          // the last basins answer shown
let onChange = () => {}; // tells the page the URL state changed
let started = false;

function optimizerKind(name) {
  return catalog.optimizers.find((o) => o.name === name);
}

/** The settings shown for the current optimizer: [{name, label, value, flag, help}]. */
function paramSpecs() {
  const kind = optimizerKind(ui.optimizer.value);
  const d = defaults[kind.name] || {};
  return [
    { name: 'lr', label: 'lr', help: 'learning rate', value: d.lr },
    ...kind.params.map((p) => ({ name: p.name, label: p.name, help: p.help, value: p.flag ? (p.default ? 1 : 0) : p.default, flag: p.flag })),
    { name: 'noise', label: 'noise σ', help: 'gradient noise', value: d.noise },
    { name: 'seed', label: 'seed', help: 'random seed for the noise', value: null },
  ];
}

function buildParams() {
  const fields = paramSpecs().map((p) => {
    const field = document.createElement('div');
    const id = `param-${p.name}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = p.label;
    label.title = p.help || '';
    const input = document.createElement('input');
    input.id = id;
    input.name = p.name;
    input.dataset.testid = `param-${p.name}`;
    input.dataset.default = p.value === null || p.value === undefined ? '' : String(p.value);
    const given = overrides[p.name];
    if (p.flag) {
      field.className = 'field flag';
      input.type = 'checkbox';
      input.checked = (given ?? input.dataset.default) === '1' || given === 'true';
      field.append(input, label);
    } else {
      field.className = 'field';
      input.type = 'text';
      input.inputMode = 'decimal';
      input.autocomplete = 'off';
      input.className = 'num';
      input.value = given ?? input.dataset.default;
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

/** Reads the inputs into overrides (only values differing from the defaults) and the URL. */
function readControls() {
  overrides = {};
  for (const input of ui.params.querySelectorAll('input')) {
    const v = paramValue(input);
    if (v !== '' && v !== input.dataset.default) overrides[input.name] = v;
  }
  onChange();
  updateWorkHint();
}

/** This tab's part of the URL state (docs/API.md, "The maps page's URL state"). */
export function state(initial) {
  if (!started) {
    return { surface: initial.surface, optimizer: initial.optimizer, grid: initial.grid, steps: initial.steps, params: initial.params };
  }
  return {
    surface: ui.surface.value, optimizer: ui.optimizer.value,
    grid: wholeOr(ui.grid.value, DEFAULT_GRID), steps: wholeOr(ui.steps.value, DEFAULT_STEPS), params: overrides,
  };
}

function wholeOr(text, fallback) {
  const v = Number(text);
  return text.trim() !== '' && Number.isInteger(v) ? v : fallback;
}

/** Every setting, explicit, as the API and the lab link take them. */
function allParams() {
  const params = {};
  for (const input of ui.params.querySelectorAll('input')) {
    const v = paramValue(input);
    if (v !== '') params[input.name] = v;
  }
  return params;
}

function updateWorkHint() {
  const g = wholeOr(ui.grid.value, DEFAULT_GRID), s = wholeOr(ui.steps.value, DEFAULT_STEPS);
  const work = g * g * Math.max(1, s);
  ui.workHint.textContent = `${(g * g).toLocaleString('en')} starts × up to ${s.toLocaleString('en')} steps`
    + (work > bounds.maxWork ? ` — too much: at most ${(bounds.maxWork / 1e6).toLocaleString('en')} million steps in all` : '');
  ui.workHint.classList.toggle('field-error', work > bounds.maxWork);
}

/** The page's own checks, with a message next to each bad field; true when all is well. */
function check() {
  fieldErrors.clear(ui.form);
  let ok = true;
  const whole = (input, lo, hi, what) => {
    const text = input.value.trim();
    const v = Number(text);
    if (text === '' || !Number.isInteger(v) || v < lo || v > hi) {
      fieldErrors.show(input, `${what} must be a whole number from ${lo} to ${hi.toLocaleString('en')}`);
      ok = false;
    }
    return v;
  };
  const g = whole(ui.grid, 2, bounds.maxGrid, 'Grid');
  const s = whole(ui.steps, 0, bounds.maxSteps, 'Steps');
  if (ok && g * g * Math.max(1, s) > bounds.maxWork) {
    fieldErrors.show(ui.steps, `grid² × steps is ${(g * g * Math.max(1, s)).toLocaleString('en')}; at most `
      + `${bounds.maxWork.toLocaleString('en')}: use a smaller grid or fewer steps`);
    ok = false;
  }
  return ok;
}

function setBusy(busy) {
  ui.compute.disabled = busy;
  ui.compute.setAttribute('aria-busy', String(busy));
  ui.compute.textContent = busy ? 'Computing…' : 'Compute';
  ui.status.classList.toggle('busy', busy);
}

function inputFor(field) {
  return ui.form.querySelector(`[name="${CSS.escape(field)}"]`);
}

function markStale() {
  if (!map) return;
  ui.stage.classList.add('stale');
  ui.status.textContent = 'Settings changed: press Compute to update the map.';
}

async function compute() {
  readControls();
  ui.error.textContent = '';
  if (!check()) {
    ui.status.textContent = '';
    return;
  }
  setBusy(true);
  ui.status.textContent = 'Computing the map…';
  try {
    const s = state();
    const answer = await job.run({ kind: 'basins', surface: s.surface, optimizer: s.optimizer, grid: s.grid, steps: s.steps, ...allParams() });
    map = answer;
    view.setMap(map);
    renderLegend(ui.legend, map);
    ui.legendHint.textContent = `${map.grid}×${map.grid} starts, ${map.optimizer}, lr ${map.spec.lr}, ${map.spec.maxSteps} steps each.`;
    ui.stage.classList.remove('stale');
    ui.status.textContent = `Done: ${(map.grid * map.grid).toLocaleString('en')} runs.`;
    draw();
    // On a phone the controls sit above the map: bring the answer into view.
    if (ui.stage.getBoundingClientRect().top < 0 || ui.stage.getBoundingClientRect().top > innerHeight * 0.6) {
      ui.stage.scrollIntoView({ block: 'start' });
    }
  } catch (e) {
    if (e instanceof JobCancelled) {
      ui.status.textContent = e.reason === 'request' ? 'Cancelled: the map was not finished.' : `Cancelled: ${e.message}.`;
    } else {
      ui.status.textContent = '';
      fieldErrors.showApiError(ui.form, e, inputFor, ui.error);
    }
  } finally {
    setBusy(false);
  }
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

async function loadSurface(name) {
  const [surface, land] = await Promise.all([api.surface(name), api.landscape(name, CONTOUR_GRID)]);
  defaults = surface.defaults || {};
  landscape.setData(land);
  frame.setWindow(land.window);
  map = null;
  view.clearMap();
  ui.legend.replaceChildren();
  ui.legendHint.textContent = 'Press Compute to colour the map.';
  ui.stage.classList.remove('stale');
  buildParams();
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
  const name = ui.optimizer.value;
  return `/?${labUrl.format({
    surface: ui.surface.value, start: [round(start.x), round(start.y)], optimizers: [name],
    steps: wholeOr(ui.steps.value, DEFAULT_STEPS), settings: { [name]: allParams() },
  })}`;
}

function describe(label) {
  if (label === null || label === undefined) return '';
  if (label === -1) return ' → diverged';
  if (label === -2) return ' → did not converge';
  const m = map.minima[label];
  return ` → minimum ${label + 1} at ${point(m.x, m.y, 3)}`;
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
    await loadSurface(ui.surface.value);
    readControls();
  });
  ui.optimizer.addEventListener('change', () => {
    overrides = {};
    buildParams();
    readControls();
    markStale();
  });
  ui.form.addEventListener('input', (e) => {
    if (e.target === ui.surface || e.target === ui.optimizer) return;
    readControls();
    markStale();
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
  ui.compute.disabled = true;
  ui.grid.max = String(bounds.maxGrid);
  ui.steps.max = String(bounds.maxSteps);
  for (const s of catalog.surfaces) ui.surface.add(new Option(s.title, s.name));
  for (const o of catalog.optimizers) ui.optimizer.add(new Option(o.title, o.name));
  const names = catalog.surfaces.map((s) => s.name);
  if (initial.surface && !names.includes(initial.surface)) ui.surface.add(new Option(`f(x, y) = ${initial.surface}`, initial.surface));
  ui.surface.value = initial.surface || (names.includes('himmelblau') ? 'himmelblau' : names[0]);
  const optimizers = catalog.optimizers.map((o) => o.name);
  ui.optimizer.value = optimizers.includes(initial.optimizer) ? initial.optimizer : 'gd';
  ui.grid.value = String(Math.min(bounds.maxGrid, Math.max(2, initial.grid ?? DEFAULT_GRID)));
  ui.steps.value = String(Math.min(bounds.maxSteps, initial.steps ?? DEFAULT_STEPS));
  overrides = { ...initial.params };
  try {
    await loadSurface(ui.surface.value);
  } catch (e) {
    ui.error.textContent = e.message;
    return;
  }
  started = true;
  onChange = changed;
  readControls();
  wire();
  ui.compute.disabled = false;
}

/** Redraws after the tab is shown (a hidden canvas has no size). */
export function shown() {
  if (started) draw();
}
