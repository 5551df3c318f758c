// The lab page's wiring: reads the URL, asks the API for the catalog, the surface and its
// picture, and connects the controls to the views. Holds the one state object the URL mirrors.
// No numbers are computed here: every loss, gradient, curvature and trajectory comes from Java.

import * as api from './api.js';
import * as urlState from './urlState.js';
import { coordinate, num, point } from './format.js';
import { racerColor } from './palette.js';
import { LandscapeView } from './landscapeView.js';
import { Colorbar } from './colorbar.js';
import { LossChart } from './lossChart.js';
import { ChartAxis } from './chartAxis.js';
import { ScheduleChart } from './scheduleChart.js';
import { ChartReadout } from './chartReadout.js';
import { Playback, Track } from './playback.js';
import { Inspector } from './inspector.js';
import { RacerPanel, showInputError } from './racerPanel.js';
import { renderFormulas } from './formulas.js';
import { lessonsFor } from './lessons.js';
import * as exporter from './exporter.js';
import { StepMode } from './stepMode.js';
import { View3dToggle } from './view3dToggle.js';
import { TunePanel, tunedNote } from './tunePanel.js';
import { isRacerId, optimizerOf } from './racerIds.js';
import { SharePanel } from './sharePanel.js';
import * as mapWindow from './mapWindow.js';
import { DataPanel } from './dataPanel.js';
import { Latest } from './latest.js';
import { LabStore } from './labStore.js';
import { setSetting } from './racerChanges.js';

// The race a fresh lab opens with: this page's choice, like the lessons' links. Every default a
// racer or a field starts from is the API's (catalog.defaults, /api/surface), never a copy here.
const DEFAULT_RACE = ['gd', 'momentum', 'adam'];
const SPEEDS = [1, 3, 10, 30, 60, 120, 250, 500, 1000]; // steps per second; the slider's index
const COLORBAR_INSET = 40; // under the 3-D view the colour bar spans the canvas less this on each side

const $ = (id) => document.getElementById(id);

let catalog = null;
let surfaceInfo = null;
// The newest surface load, map window and race: an older one's answer is never shown.
const surfaceLoads = new Latest();
const windowLoads = new Latest();
const raceLoads = new Latest();
/** The race being fetched: { signal, internals, answer } while a request is out, else null. */
let raceInFlight = null;
const cache = new Map(); // surface → Promise<{info, land, data}>

/** @type {import('./urlState.js').LabState} */
const state = { surface: null, start: null, window: null, optimizers: [], steps: null, view: null, chartX: null, settings: {} };
const store = new LabStore(state);

const view = new LandscapeView({
  wrap: $('map-wrap'),
  base: $('base'),
  overlay: $('map'),
  // a tap or click: moves the start, or, in "Tap the map to: inspect a point" (touch screens), pins the inspector
  onPick: (x, y) => (tapInspects ? pin(x, y) : setStart(x, y)),
  onHover: (p) => { inspector.setHover(p); stepMode.hover(p); },
  onNudge: (dx, dy) => {
    if (!surfaceInfo || !state.start) return; // no surface yet: nothing to move
    const w = surfaceInfo.window;
    setStart(state.start[0] + dx * (w[1] - w[0]), state.start[1] + dy * (w[3] - w[2]));
  },
  onLayout: (frame, widCss) => colorbar.layout(frame.leftCss, frame.widCss, widCss),
  // the wheel, a drag or a pinch ended on another window: load its picture
  onWindow: (w) => setWindow(w),
  // framed in another site's page, a wheel turned over the map scrolls that page; ctrl+wheel zooms
  wheelNeedsCtrl: document.documentElement.classList.contains('embed'),
  onWindowLimit: (atLimit) => {
    $('window-note').textContent = atLimit ? 'That is as far as the map zooms or pans: '
      + `each side at least ${num(mapWindow.LIMITS.minSpan)} long, every edge within ±${num(mapWindow.LIMITS.maxAbs)}.` : '';
  },
  // Beside the racers and the chart (lab.css, 1000 px and wider) the map is at least 560 px tall, as a
  // projector at 1024×768 needs, even if its colour bar then sits just below the fold.
  // In an /embed iframe the whole lab fits the frame: the map takes what Run and the bars leave.
  maxPlotHeight: () => (document.documentElement.classList.contains('embed') ? Math.max(200, window.innerHeight - 230)
    : Math.max(window.innerWidth >= 1000 ? 560 : 220, window.innerHeight - 260)),
});

const stepMode = new StepMode({ view, wrap: $('map-wrap') });
// The 3-D view shows what the map shows: every change below is pushed to both.
const view3d = new View3dToggle({
  button: $('view3d-toggle'),
  panel: $('view3d'),
  host: $('view3d-host'),
  message: $('view3d-message'),
  mapWrap: $('map-wrap'),
  onChange: (on) => { state.view = on ? '3d' : null; save(); },
  onMapShown: () => view.layout(true),
  onResize: (widCss) => colorbar.layout(COLORBAR_INSET, widCss - 2 * COLORBAR_INSET, widCss),
});
const colorbar = new Colorbar($('colorbar'));
const dataPanel = new DataPanel({ section: $('data-panel'), canvas: $('data-chart'), caption: $('data-caption'), model: $('data-model') });
// The loss chart and the schedule chart share one horizontal axis, and the readout reads both.
const axis = new ChartAxis();
const chart = new LossChart($('chart'), $('chart-wrap'), axis);
new ResizeObserver(() => requestAnimationFrame(() => chart.resize())).observe($('chart-wrap'));
const schedule = new ScheduleChart({
  section: $('schedule'), canvas: $('schedule-chart'), container: $('schedule-wrap'),
  title: $('schedule-h'), note: $('schedule-note'), axis,
});
new ResizeObserver(() => requestAnimationFrame(() => schedule.resize())).observe($('schedule-wrap'));
const readout = new ChartReadout({
  element: $('chart-readout'), canvases: [$('chart'), $('schedule-chart')], axis,
  onMove: () => { chart.draw(); schedule.draw(); },
});

const inspector = new Inspector($('hessian'), (a) => {
  view.scene.inspect = a;
  view.redraw();
}, $('tap-readout'));
let tapInspects = false; // the tap-mode switch under the map, shown on touch screens

/** Taps inspect (true) or move the start (false); leaving inspection unpins its point. */
function setTapMode(inspect) {
  tapInspects = inspect;
  unpin();
  if (inspect) {
    $('tap-readout').textContent = 'Tap any point of the map to read its loss, slope and curvature here.';
    $('tap-readout').hidden = false;
  }
}

/** Pins the inspector (and step mode's readout of a trail point there) to the tapped point. */
function pin(x, y) {
  const w = view.window;
  const p = [coordinate(x, w[1] - w[0]), coordinate(y, w[3] - w[2])];
  view.scene.pin = p;
  view.redraw();
  inspector.setPinned(p);
  stepMode.hover(p);
}

function unpin() {
  view.scene.pin = null;
  view.redraw();
  inspector.setPinned(null);
  stepMode.hover(null);
}
inspector.onStartKnown = () => {
  const a = inspector.startAnalysis();
  if (!a) return;
  panel.setStartAnalysis(a);
  if (!playback.loaded) panel.showStart(a.value, state.start);
};

const panel = new RacerPanel({
  chips: $('chips'),
  list: $('racers'),
  note: $('chips-note'),
  // the cards never write the state: they hand back its next racers and settings (racerChanges.js)
  onChange: (what, next) => {
    if (next) {
      state.optimizers = next.optimizers;
      state.settings = next.settings;
    }
    if (what === 'racers') {
      panel.render(state);
      renderFormulas($('rules'), catalog.optimizers, [...new Set(state.optimizers.map(optimizerOf))]);
    }
    invalidateRace();
    save();
  },
  onLive: () => liveRace(),
});

const tuner = new TunePanel({
  ui: {
    button: $('tune-all'), scope: $('tune-scope'), job: $('tune-job'), bar: $('tune-progress'),
    text: $('tune-progress-text'), cancel: $('tune-cancel'), note: $('tune-note'), error: $('tune-error'),
  },
  race: () => raceBody(),
  onTuned: (tuned) => {
    // The chosen settings become the racers' own, as if typed: the URL keeps them, the cards show them.
    for (const t of tuned) {
      state.settings = setSetting(state, t.racer, 'lr', String(t.lr)).settings;
      if (t.parameter) state.settings = setSetting(state, t.racer, t.parameter, String(t.value)).settings;
    }
    panel.setTuned(tuned.map((t) => [t.racer, { lr: String(t.lr), ...tunedNote(t) }]));
    panel.render(state);
    invalidateRace();
    save();
    run();
  },
});

const share = new SharePanel({
  link: $('share-link'), embed: $('share-embed'), box: $('share'), title: $('share-title'), text: $('share-text'),
  autoplay: $('share-autoplay'), copy: $('share-copy'), done: $('share-done'), close: $('share-close'),
});

const playback = new Playback((tracks, done) => {
  view.redraw();
  view3d.frame();
  axis.follow = stepMode.active;
  chart.draw();
  schedule.draw();
  readout.render();
  panel.showFrame(tracks);
  dataPanel.setTracks(tracks);
  stepMode.frame();
  if (done) finished(tracks);
  syncButtons();
});

/** The scrubber follows the race: its range is the longest run, its thumb the step shown. */
function showTimeline() {
  const timeline = $('timeline');
  const length = playback.length;
  const at = Math.floor(playback.cursor);
  timeline.disabled = !playback.loaded;
  if (timeline.max !== String(length)) timeline.max = String(length);
  if (timeline.value !== String(at)) timeline.value = String(at);
  $('timeline-out').textContent = playback.loaded
    ? `${at} of ${length}${playback.playing ? '' : playback.finished ? ' · the end' : ' · paused'}`
    : 'press Run';
}

// ---- state changes ---------------------------------------------------------------------------

/** The state changed: the address bar, the embed's link out and the share box follow on the next frame. */
function save() {
  store.changed();
}
store.read((s) => {
  urlState.write(s);
  $('full-lab').href = `/${location.search}`;
  share.refresh();
});

function setStart(x, y) {
  if (!surfaceInfo) return;
  const w = surfaceInfo.window;
  const start = [coordinate(x, w[1] - w[0]), coordinate(y, w[3] - w[2])];
  if (state.start && start[0] === state.start[0] && start[1] === state.start[1]) return;
  state.start = start;
  showStartInputs();
  view.scene.start = start;
  view.redraw();
  view3d.setStart(start);
  invalidateRace();
  inspector.setStart(start);
  inspector.onStartKnown();
  $('start-out').textContent = `start moved to ${point(start[0], start[1])}`;
  save();
}

function showStartInputs() {
  $('start-x').value = String(state.start[0]);
  $('start-y').value = String(state.start[1]);
}

/** The charts and their readout show these tracks (none: the race is not computed). */
function setChartTracks(tracks) {
  axis.setTracks(tracks);
  chart.setTracks(tracks);
  schedule.setTracks(tracks);
  readout.setTracks(tracks, schedule.shown);
  chart.draw();
  schedule.draw();
}

/** Steps, f or ∇f evaluations along the charts' bottom (null: steps, the default). */
function setChartX(kind) {
  state.chartX = kind === 'f-evals' || kind === 'g-evals' ? kind : null;
  axis.setKind(state.chartX ?? 'steps');
  for (const r of document.querySelectorAll('input[name="chart-x"]')) r.checked = r.value === axis.kind;
  $('chart-per').textContent = axis.per;
  $('chart').setAttribute('aria-label', `Loss against ${axis.label} for each racer, logarithmic scale`);
  $('x-note').hidden = axis.kind === 'steps';
  chart.draw();
  schedule.draw();
  readout.render();
}

/** Settings or start changed: the computed race no longer matches what is shown. */
function invalidateRace() {
  raceLoads.cancel();
  playback.clear();
  stepMode.clear();
  view.scene.racers = [];
  view.redraw();
  view3d.setTracks([]);
  setChartTracks([]);
  dataPanel.setTracks([]);
  schedule.setPlanned(panel.racers());
  $('race-error').textContent = '';
  const a = inspector.startAnalysis();
  if (a) panel.showStart(a.value, state.start);
  syncButtons();
}

/**
 * Shows a surface: fetches (or recalls) its description and picture, then redraws everything.
 * `fresh` drops the racers' settings, since learning rates that suit one surface rarely suit
 * another; it happens only once the new surface has loaded, so a failed load changes nothing.
 */
async function loadSurface(name, { start = null, fresh = false, bounds = null } = {}) {
  // not passed to fetchSurface: its answers are cached for every later load, and prefetches share them
  const load = surfaceLoads.next();
  const entry = await fetchSurface(name);
  if (!surfaceLoads.isCurrent(load)) return;
  surfaceInfo = entry.info;
  state.surface = name;
  if (fresh) {
    state.settings = {};
    tuner.cancel();
  }
  panel.setDefaults(entry.info.defaults, entry.info.examples);
  dataPanel.setData(entry.data);
  const ds = entry.info.defaultStart;
  state.start = start ?? [ds.x, ds.y];
  showStartInputs();

  // A link's window (window=…) is kept for the surface it came with; another surface shows its own.
  state.window = fresh ? null : bounds;
  let land = entry.land;
  if (state.window) {
    try {
      land = await windowed(name, state.window, load);
    } catch {
      if (!surfaceLoads.isCurrent(load)) return; // superseded by another surface: leave its state alone
      state.window = null; // a window this server refuses: the surface's own
    }
  }
  if (!surfaceLoads.isCurrent(load)) return;
  showLandscape(land);
  showSurfaceText(entry.info);

  view.scene.start = state.start;
  view3d.setStart(state.start);
  view.scene.inspect = null;
  view.scene.pin = null;
  inspector.setSurface(name); // (unpins: a point of the last surface)
  panel.render(state);
  renderFormulas($('rules'), catalog.optimizers, [...new Set(state.optimizers.map(optimizerOf))]);
  invalidateRace();
  inspector.setStart(state.start);
  inspector.onStartKnown();
  save();
}

/** A surface's description and picture, fetched once per page; a failure is not remembered. */
/** The picture on the map, the 3-D view and the colour bar: the surface's own window or another. */
function showLandscape(land) {
  view.setLandscape(land);
  view3d.setLandscape(land);
  colorbar.setData(land);
  colorbar.draw();
  $('scale-kind').textContent = land.scale && land.scale.log ? '(log scale)' : '';
  const w = land.window;
  $('window-input').value = w.map((v) => num(v, 4)).join(', ');
  $('window-input').removeAttribute('aria-invalid');
  $('zoom-reset').disabled = state.window === null;
  // the buttons stop where the bounds do (mapWindow.LIMITS)
  $('zoom-in').disabled = mapWindow.problem(mapWindow.zoomed(w, 0.5)) !== null;
  $('zoom-out').disabled = mapWindow.problem(mapWindow.zoomed(w, 2)) !== null;
}

/** The surface's picture over another window (not cached here: the server keeps a few). */
function windowed(name, bounds, signal) {
  return api.landscape(name, undefined, bounds, { signal });
}

/**
 * Shows the surface over `bounds` ([x0, x1, y0, y1]; null: its own window), which the +/−/Fit
 * buttons, the window field and the map's zoom and pan gestures all come through. The race is drawn
 * in world units, so it stays; only the picture, the axes and the colour bar's range follow. When
 * several windows are asked for in a row (a wheel turned in steps), only the last is shown.
 */
async function setWindow(bounds) {
  const name = state.surface;
  const load = surfaceLoads.signal;
  const asked = windowLoads.next();
  const error = bounds ? mapWindow.problem(bounds) : null;
  $('window-error').textContent = error ?? '';
  if (error) {
    $('window-input').setAttribute('aria-invalid', 'true');
    return;
  }
  try {
    const land = bounds ? await windowed(name, bounds, asked) : (await fetchSurface(name)).land;
    if (!surfaceLoads.isCurrent(load) || !windowLoads.isCurrent(asked)) return;
    state.window = bounds;
    showLandscape(land);
    view.redraw();
    save();
  } catch (e) {
    if (!windowLoads.isCurrent(asked)) return; // superseded (aborted, or answered after a newer one)
    view.revert(); // the map goes back to the picture it has
    $('window-error').textContent = e.message;
  }
}

/** The shown window scaled by `factor` about its centre (0.5 zooms in), tidied for the URL. */
function zoomed(factor) {
  return mapWindow.tidy(mapWindow.zoomed(view.window, factor));
}

function fetchSurface(name) {
  let entry = cache.get(name);
  if (!entry) {
    // One after the other: a formula the server rejects costs one request (and one line in the
    // browser's network log), not two. No grid: the API's default picture.
    // A surface made of data (it has examples) brings its examples, for the picture beside the map.
    entry = api.surface(name).then(async (info) => ({
      info, land: await api.landscape(name), data: info.examples ? await api.data(name) : null,
    }));
    entry.catch(() => cache.delete(name));
    cache.set(name, entry);
  }
  return entry;
}

/**
 * When a person reaches for the surface picker, fetch the presets' pictures one by one in the
 * background, so that switching surface is only a redraw.
 */
let prefetched = false;
async function prefetchPresets() {
  if (prefetched) return;
  prefetched = true;
  for (const s of catalog.surfaces) {
    try {
      await fetchSurface(s.name);
    } catch {
      // shown if and when that surface is picked
    }
  }
}

/** A surface the picker lists (a formula preset or a model on a built-in dataset), not a typed formula. */
function isListed(name) {
  return [...catalog.surfaces, ...(catalog.dataSurfaces ?? [])].some((s) => s.name === name);
}

function showSurfaceText(info) {
  const select = $('surface-select');
  const known = isListed(info.name);
  let typed = select.querySelector('option[value="__typed"]');
  if (!known) {
    if (!typed) {
      typed = document.createElement('option');
      typed.value = '__typed';
      select.prepend(typed);
    }
    typed.textContent = 'Your formula';
    select.value = '__typed';
    $('formula-input').value = state.surface;
  } else {
    if (typed) typed.remove();
    select.value = info.name;
  }
  $('surface-formula').textContent = `f(x, y) = ${info.formula}`;
  $('surface-description').textContent = info.description || '';
  document.title = `${info.title || info.name} — LossLab`;

  const list = $('lessons');
  list.replaceChildren();
  for (const [text, actions] of lessonsFor(known ? info.name : '')) {
    const li = document.createElement('li');
    const p = document.createElement('p');
    p.textContent = text;
    li.append(p);
    if (actions.length) {
      const row = document.createElement('div');
      row.className = 'lesson-actions';
      for (const [label, query] of actions) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'btn btn-small';
        b.textContent = label;
        b.addEventListener('click', () => applyQuery(query));
        row.append(b);
      }
      li.append(row);
    }
    list.append(li);
  }
}

/** Sets the lab up from a query string, exactly as if a link with it had been opened. */
async function applyQuery(query) {
  const s = urlState.parse(query);
  const known = new Set(catalog.optimizers.map((o) => o.name));
  state.optimizers = (s.optimizers ?? DEFAULT_RACE).filter((n, i, all) => isRacerId(n) && known.has(optimizerOf(n)) && all.indexOf(n) === i);
  state.settings = s.settings;
  state.steps = s.steps;
  $('steps').value = String(state.steps ?? catalog.defaults.steps);
  try {
    await loadSurface(s.surface ?? state.surface, { start: s.start, bounds: s.window });
    $('formula-error').textContent = '';
  } catch (e) {
    showError(e, s.surface);
  }
}

/**
 * A formula's error under its field: the sentence without the "surface: " the CLI needs (the field
 * is right above), and the formula with its caret in monospace, spaces kept, so the caret sits under
 * the column the sentence names.
 */
function showFormulaError(message) {
  const [first, ...rest] = message.replace(/^surface: /, '').split('\n');
  const box = $('formula-error');
  box.replaceChildren(first.charAt(0).toUpperCase() + first.slice(1));
  if (rest.length) {
    const pre = document.createElement('pre');
    pre.className = 'formula-caret';
    pre.dataset.testid = 'formula-caret';
    pre.textContent = rest.join('\n');
    box.append(pre);
  }
}

function showError(e, surface) {
  const isTyped = surface && !isListed(surface);
  if (isTyped || (e instanceof api.ApiError && e.field === 'surface' && surface === $('formula-input').value.trim())) {
    showFormulaError(e.message);
    $('formula-input').setAttribute('aria-invalid', 'true');
  } else {
    $('race-error').textContent = e.message;
  }
}

// ---- the race ----------------------------------------------------------------------------------

function raceBody() {
  return { surface: state.surface, start: state.start, steps: state.steps ?? catalog.defaults.steps, racers: panel.racers() };
}

/**
 * Loads the race for the current settings unless it is loaded. A click while it loads (Step pressed
 * twice quickly) waits for the same answer instead of starting over, so every click counts.
 */
async function ensureRace(withInternals = false) {
  if (playback.loaded) return true;
  if (raceInFlight && raceLoads.isCurrent(raceInFlight.signal) && (raceInFlight.internals || !withInternals)) {
    return raceInFlight.answer;
  }
  if (state.optimizers.length === 0) {
    $('race-error').textContent = 'Tick at least one optimizer to race.';
    return false;
  }
  // A card's field marked wrong keeps its last good value in the state: racing that would show a race
  // other than the one the fields describe.
  const wrong = $('racers').querySelector('[aria-invalid="true"]');
  if (wrong) {
    $('race-error').textContent = `Fix the field marked in red first: ${document.getElementById(`${wrong.id}-error`)?.textContent ?? wrong.id}`;
    wrong.focus();
    return false;
  }
  const signal = raceLoads.next();
  const body = raceBody();
  const ids = panel.racingIds(); // racer i of the body is ids[i]: "gd", "gd:2", …
  if (withInternals && stepMode.allows(body.steps)) body.internals = true;
  const answer = loadRace(signal, body, ids);
  raceInFlight = { signal, internals: body.internals === true, answer };
  try {
    return await answer;
  } finally {
    if (raceInFlight?.signal === signal) raceInFlight = null;
  }
}

async function loadRace(signal, body, ids) {
  $('run').setAttribute('aria-busy', 'true');
  try {
    const result = await api.race(body, { signal });
    if (!raceLoads.isCurrent(signal)) return false;
    const tracks = result.runs.map((run, i) => new Track(ids[i], racerColor(ids[i]), run));
    view.scene.racers = tracks;
    view3d.setTracks(tracks);
    setChartTracks(tracks);
    $('race-error').textContent = '';
    stepMode.setHoverTracks(tracks);
    playback.load(tracks);
    return true;
  } catch (e) {
    if (raceLoads.isCurrent(signal)) { // else superseded: aborted, or answered after a newer race
      const name = e.racer !== null && e.racer !== undefined ? ids[e.racer] : null;
      $('race-error').textContent = name ? `${name}: ${e.message}` : e.message;
      const input = name && e.field ? document.getElementById(`p-${name}-${e.field}`) : null;
      if (input) showInputError(input, e.message); // under the field too, until it is changed
    }
    return false;
  } finally {
    $('run').removeAttribute('aria-busy');
  }
}

/**
 * A card's slider moved: race again now and show the whole race, so the path follows the slider (a
 * race takes tens of milliseconds). One request at a time; a move during one asks for one more.
 */
let live = null;
async function liveRace() {
  if (live) {
    live.again = true;
    return;
  }
  live = { again: false };
  try {
    do {
      live.again = false;
      stepMode.disable();
      if (await ensureRace()) {
        playback.seek(playback.length);
        syncButtons();
      }
    } while (live.again);
  } finally {
    live = null;
  }
}

function finished(tracks) {
  const parts = [];
  for (const t of tracks) {
    parts.push(`${t.name}: ${t.run.stop.reason} at step ${t.run.stop.step}, loss ${num(t.loss[t.last])}`);
  }
  $('race-live').textContent = `Race over. ${parts.join('. ')}.`;
}

function syncButtons() {
  showTimeline();
  $('pause').disabled = !playback.playing;
  $('step').disabled = playback.finished;
  $('reset').disabled = !playback.loaded || playback.cursor === 0;
}

async function run() {
  stepMode.disable();
  if (await ensureRace()) {
    playback.play();
    syncButtons();
  }
}

async function step() {
  if (await ensureRace(true)) {
    const tracks = playback.tracks;
    await stepMode.enable(tracks, raceBody());
    if (playback.tracks === tracks) playback.step();
  }
  syncButtons();
}

function reset() {
  stepMode.disable(); // back to the start as after Run: Step turns step mode on again
  if (playback.loaded) playback.rewind();
  syncButtons();
}

// ---- controls ----------------------------------------------------------------------------------

function wire() {
  exporter.wire({ body: raceBody, name: () => state.surface, canvases: () => [$('base'), $('map')], error: $('race-error') });
  $('run').addEventListener('click', run);
  $('pause').addEventListener('click', () => { playback.pause(); syncButtons(); });
  $('step').addEventListener('click', step);
  $('reset').addEventListener('click', reset);
  $('zoom-in').addEventListener('click', () => setWindow(zoomed(0.5)));
  $('zoom-out').addEventListener('click', () => setWindow(zoomed(2)));
  $('zoom-reset').addEventListener('click', () => setWindow(null));
  $('window-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const typed = mapWindow.parse($('window-input').value);
    if (typed.error) {
      $('window-error').textContent = typed.error;
      $('window-input').setAttribute('aria-invalid', 'true');
      return;
    }
    setWindow(typed.window);
  });
  $('timeline').addEventListener('input', () => {
    playback.seek(Number($('timeline').value));
    syncButtons();
  });

  const speed = $('speed');
  const showSpeed = () => {
    playback.stepsPerSecond = SPEEDS[Number(speed.value)];
    $('speed-out').textContent = `${playback.stepsPerSecond} steps/s`;
    speed.setAttribute('aria-valuetext', `${playback.stepsPerSecond} steps per second`);
  };
  speed.addEventListener('input', showSpeed);
  showSpeed();

  for (const r of document.querySelectorAll('input[name="tap-mode"]')) {
    r.addEventListener('change', () => { if (r.checked) setTapMode(r.value === 'inspect'); });
  }

  for (const r of document.querySelectorAll('input[name="chart-x"]')) {
    r.addEventListener('change', () => {
      if (!r.checked) return;
      setChartX(r.value);
      save();
    });
  }

  $('steps').addEventListener('change', () => {
    const max = catalog.limits.maxSteps;
    const n = Number($('steps').value.trim());
    if (!Number.isInteger(n) || n < 1 || n > max) {
      $('steps').setAttribute('aria-invalid', 'true');
      $('race-error').textContent = `max steps must be a whole number from 1 to ${max}`;
      return;
    }
    $('steps').removeAttribute('aria-invalid');
    state.steps = n === catalog.defaults.steps ? null : n;
    invalidateRace();
    save();
  });

  for (const id of ['start-x', 'start-y']) {
    $(id).addEventListener('change', () => {
      const x = Number($('start-x').value.trim()), y = Number($('start-y').value.trim());
      if (Number.isFinite(x) && Number.isFinite(y) && $('start-x').value.trim() !== '' && $('start-y').value.trim() !== '') {
        $(id).removeAttribute('aria-invalid');
        setStart(x, y);
      } else {
        $(id).setAttribute('aria-invalid', 'true');
      }
    });
  }

  for (const ev of ['focus', 'pointerenter']) $('surface-select').addEventListener(ev, () => { if (catalog) prefetchPresets(); });
  $('surface-select').addEventListener('change', async () => {
    const name = $('surface-select').value;
    if (name === '__typed') return;
    $('formula-error').textContent = '';
    try {
      await loadSurface(name, { fresh: true });
    } catch (e) {
      showError(e, name);
      // The map still shows the surface that was loaded: the select says so too (it said the new one).
      if (surfaceInfo) showSurfaceText(surfaceInfo);
    }
  });

  $('formula-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = $('formula-input').value.trim();
    if (!text) return;
    $('formula-error').textContent = '';
    $('formula-input').removeAttribute('aria-invalid');
    try {
      await loadSurface(text, { fresh: true });
    } catch (e) {
      showFormulaError(e.message);
      $('formula-input').setAttribute('aria-invalid', 'true');
    }
  });

  // Space runs or pauses when a view or nothing has the focus (controls keep their own Space).
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== ' ' || (ev.target !== document.body && ev.target !== $('map') && !view3d.owns(ev.target))) return;
    ev.preventDefault();
    if (playback.playing) { playback.pause(); syncButtons(); } else run();
  });
}

async function boot() {
  wire();
  try {
    catalog = await api.catalog();
  } catch (e) {
    $('race-error').textContent = e.message;
    return;
  }
  // The formulas, then models on real datasets (a surface made of data is as listed as a formula)
  const select = $('surface-select');
  for (const [label, surfaces] of [['Surfaces', catalog.surfaces], ['Real data', catalog.dataSurfaces ?? []]]) {
    if (!surfaces.length) continue;
    const group = document.createElement('optgroup');
    group.label = label;
    for (const s of surfaces) group.append(new Option(s.title, s.name));
    select.append(group);
  }
  panel.setCatalog(catalog);
  tuner.setCatalog(catalog);
  stepMode.setLimits(catalog.limits);

  const fromUrl = urlState.parse(location.search);
  // A shared link may ask to start the race at once (play=1); the page does not keep it in its URL.
  const autoplay = new URLSearchParams(location.search).get('play') === '1';
  const known = new Set(catalog.optimizers.map((o) => o.name));
  state.optimizers = (fromUrl.optimizers ?? DEFAULT_RACE).filter((n, i, all) => isRacerId(n) && known.has(optimizerOf(n)) && all.indexOf(n) === i);
  state.settings = fromUrl.settings;
  state.steps = fromUrl.steps;
  state.view = fromUrl.view;
  setChartX(fromUrl.chartX);
  $('steps').value = String(state.steps ?? catalog.defaults.steps);
  if (state.view === '3d') view3d.set(true);
  const surface = fromUrl.surface ?? catalog.surfaces[0].name;
  try {
    await loadSurface(surface, { start: fromUrl.start, bounds: fromUrl.window });
  } catch (e) {
    // A link with a formula this server cannot read: say so, and show the first preset instead.
    if (fromUrl.surface && !isListed(fromUrl.surface)) $('formula-input').value = fromUrl.surface;
    showError(e, fromUrl.surface);
    await loadSurface(catalog.surfaces[0].name, { fresh: true });
  }
  syncButtons();
  if (autoplay) run();
}

boot();
