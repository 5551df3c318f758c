// The basin-map page (maps.html): pick a surface, an optimizer and its settings, a grid and a step
// budget; Compute asks /api/basins and draws every start in the colour of the minimum it reaches,
// over the landscape's contours. Clicking a start opens the lab racing that optimizer from there.
// Everything numeric comes from the API (catalog, per-surface defaults, landscape, map).

import * as api from './api.js';
import { LandscapeLayer } from './landscapeLayer.js';
import { Frame, sizeCanvas } from './plotFrame.js';
import { point } from './format.js';
import * as labUrl from './urlState.js';
import * as state from './mapsState.js';
import { BasinView } from './mapsView.js';
import { renderLegend } from './mapsLegend.js';

const DEFAULT_GRID = 100;
const MAX_GRID = 200;
const DEFAULT_STEPS = 1000;
const MAX_STEPS = 5000;
const MAX_WORK = 5e7;
const CONTOUR_GRID = 160;
const MARGIN = { left: 44, right: 14, top: 16, bottom: 40 };

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('maps-form'), surface: $('surface-select'), optimizer: $('optimizer-select'),
  params: $('param-grid'), grid: $('grid-input'), steps: $('steps-input'), workHint: $('work-hint'),
  compute: $('compute'), status: $('status'), error: $('error'), mapBox: $('basin-map'),
  canvas: $('map-canvas'), readout: $('readout'), legend: $('legend'), legendHint: $('legend-hint'),
  stage: document.querySelector('.maps-stage'),
};

const landscape = new LandscapeLayer();
const view = new BasinView(landscape);
const frame = new Frame();
let catalog = null;
let defaults = {};        // /api/surface's defaults: optimizer → { lr, noise }
let overrides = {};       // param → text the user typed (or the URL gave), differing from the default
let map = null;           // the last /api/basins answer shown
let computing = 0;        // id of the request in flight, 0 when none

function optimizerKind(name) {
  return catalog.optimizers.find((o) => o.name === name);
}

/** The settings shown for the current optimizer: [{name, label, value, flag, help}]. */
function paramSpecs() {
  const kind = optimizerKind(ui.optimizer.value);
  const d = defaults[kind.name] || {};
  const specs = [
    { name: 'lr', label: 'lr', help: 'learning rate', value: d.lr },
    ...kind.params.map((p) => ({ name: p.name, label: p.name, help: p.help, value: p.flag ? (p.default ? 1 : 0) : p.default, flag: p.flag })),
    { name: 'noise', label: 'noise σ', help: 'gradient noise', value: d.noise },
    { name: 'seed', label: 'seed', help: 'random seed for the noise', value: null },
  ];
  return specs;
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
  state.write(currentState());
  updateWorkHint();
}

function currentState() {
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
    + (work > MAX_WORK ? ' — too much: at most 50 million steps in all' : '');
  ui.workHint.classList.toggle('field-error', work > MAX_WORK);
}

function setBusy(busy) {
  ui.compute.disabled = busy;
  ui.compute.setAttribute('aria-busy', String(busy));
  ui.compute.textContent = busy ? 'Computing…' : 'Compute';
  ui.status.classList.toggle('busy', busy);
}

function showError(e) {
  ui.error.textContent = e.message;
  for (const el of ui.form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const target = e.field && (ui.form.querySelector(`[name="${CSS.escape(e.field)}"]`)
    || { grid: ui.grid, steps: ui.steps }[e.field]);
  if (target) target.setAttribute('aria-invalid', 'true');
}

function markStale() {
  if (!map) return;
  ui.stage.classList.add('stale');
  ui.status.textContent = 'Settings changed: press Compute to update the map.';
}

async function compute() {
  readControls();
  const id = ++computing;
  setBusy(true);
  ui.error.textContent = '';
  ui.status.textContent = 'computing…';
  const t0 = performance.now();
  try {
    const s = currentState();
    const answer = await api.basins({ surface: s.surface, optimizer: s.optimizer, grid: String(s.grid), steps: String(s.steps), ...allParams() });
    if (id !== computing) return;
    map = answer;
    view.setMap(map);
    renderLegend(ui.legend, map);
    ui.legendHint.textContent = `${map.grid}×${map.grid} starts, ${map.optimizer}, lr ${map.spec.lr}, ${map.spec.maxSteps} steps each.`;
    ui.stage.classList.remove('stale');
    ui.status.textContent = `Done: ${(map.grid * map.grid).toLocaleString('en')} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s.`;
    draw();
    // On a phone the controls sit above the map: bring the answer into view.
    if (ui.stage.getBoundingClientRect().top < 0 || ui.stage.getBoundingClientRect().top > innerHeight * 0.6) {
      ui.stage.scrollIntoView({ block: 'start' });
    }
  } catch (e) {
    if (id !== computing) return;
    ui.status.textContent = '';
    showError(e);
  } finally {
    if (id === computing) {
      computing = 0;
      setBusy(false);
    }
  }
}

function layout() {
  const widCss = Math.max(200, Math.min(ui.mapBox.clientWidth, 660));
  const plot = widCss - MARGIN.left - MARGIN.right;
  sizeCanvas(ui.canvas, widCss, plot + MARGIN.top + MARGIN.bottom);
  frame.setPlot(MARGIN.left, MARGIN.top, plot, plot);
}

function draw() {
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
    if (!computing) compute();
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

async function boot() {
  try {
    catalog = await api.catalog();
    const initial = state.parse(location.search);
    for (const s of catalog.surfaces) ui.surface.add(new Option(s.title, s.name));
    for (const o of catalog.optimizers) ui.optimizer.add(new Option(o.title, o.name));
    const names = catalog.surfaces.map((s) => s.name);
    if (initial.surface && !names.includes(initial.surface)) ui.surface.add(new Option(`f(x, y) = ${initial.surface}`, initial.surface));
    ui.surface.value = initial.surface || (names.includes('himmelblau') ? 'himmelblau' : names[0]);
    const optimizers = catalog.optimizers.map((o) => o.name);
    ui.optimizer.value = optimizers.includes(initial.optimizer) ? initial.optimizer : 'gd';
    ui.grid.value = String(Math.min(MAX_GRID, Math.max(2, initial.grid ?? DEFAULT_GRID)));
    ui.steps.value = String(Math.min(MAX_STEPS, initial.steps ?? DEFAULT_STEPS));
    overrides = { ...initial.params };
    await loadSurface(ui.surface.value);
    readControls();
    wire();
    ui.compute.disabled = false;
  } catch (e) {
    showError(e);
  }
}

ui.compute.disabled = true;
boot();
