// The lab page's wiring. One store (labStore.js) holds the state a link carries and what was
// computed for it; a control changes the state (or asks for a load) and marks the store changed,
// and once per animation frame its readers redraw the page from it: the address bar, the map, the
// charts, the racers, the transport and the surface's text. No numbers are computed here: every
// loss, gradient, curvature and trajectory comes from Java.

import * as api from './api.js';
import * as urlState from './urlState.js';
import { coordinate, num, point } from './format.js';
import { LandscapeView } from './landscapeView.js';
import { Colorbar } from './colorbar.js';
import { LossChart } from './lossChart.js';
import { ChartAxis } from './chartAxis.js';
import { ScheduleChart } from './scheduleChart.js';
import { ChartReadout } from './chartReadout.js';
import { Playback } from './playback.js';
import { Inspector } from './inspector.js';
import { RacerPanel } from './racerPanel.js';
import * as exporter from './exporter.js';
import { StepMode } from './stepMode.js';
import { View3dToggle } from './view3dToggle.js';
import { TunePanel, tunedNote } from './tunePanel.js';
import { isRacerId, optimizerOf } from './racerIds.js';
import { SharePanel } from './sharePanel.js';
import * as mapWindow from './mapWindow.js';
import { DataPanel } from './dataPanel.js';
import { LabStore } from './labStore.js';
import { setSetting } from './racerChanges.js';
import { RaceRunner } from './raceRunner.js';
import { SurfaceLoader } from './surfaceLoader.js';
import { mapReader } from './mapReader.js';
import { chartsReader } from './chartsReader.js';
import { racersReader } from './racersReader.js';
import { transportReader } from './transportReader.js';
import { surfaceText } from './surfaceText.js';
import { TapMode } from './tapMode.js';
import { showFormulaError } from './formulaError.js';

// The race a fresh lab opens with: this page's choice, like the lessons' links. Every default a
// racer or a field starts from is the API's (catalog.defaults, /api/surface), never a copy here.
const DEFAULT_RACE = ['gd', 'momentum', 'adam'];
const SPEEDS = [1, 3, 10, 30, 60, 120, 250, 500, 1000]; // steps per second; the slider's index
const COLORBAR_INSET = 40; // under the 3-D view the colour bar spans the canvas less this on each side

const $ = (id) => document.getElementById(id);

let catalog = null;

/** @type {import('./urlState.js').LabState} */
const state = { surface: null, start: null, window: null, optimizers: [], steps: null, view: null, chartX: null, settings: {} };
const results = {
  surface: null,     // {info, land, data} of state.surface, once loaded (surfaceLoader.js)
  land: null,        // the picture the map shows: the surface's own, or state.window's
  loads: 0,          // surfaces shown so far: what starts afresh with each (the inspector) compares it
  refusals: 0,       // surface loads that failed: the picker goes back to the surface shown
  windowError: null, // {text, refused} about the window asked for, or null
  error: null,       // the sentence under Run (raceRunner.js says it)
  busy: false,       // a race is being fetched
  inspect: null,     // the inspector's analysis of the point it shows: its eigenvectors on the map
  pin: null,         // the point a tap pinned the inspector to
};
const store = new LabStore(state, results);
// for tests and tools: the store, and how often each of its readers has drawn
window.__labStore = store;
window.__labRenders = store.renders;

const view = new LandscapeView({
  wrap: $('map-wrap'),
  base: $('base'),
  overlay: $('map'),
  // a tap or click: moves the start, or, in "Tap the map to: inspect a point" (touch screens), pins the inspector
  onPick: (x, y) => (tapMode.inspects ? tapMode.pin([x, y], view.window) : setStart(x, y)),
  onHover: (p) => { inspector.setHover(p); stepMode.hover(p); },
  onNudge: (dx, dy) => {
    if (!results.surface || !state.start) return; // no surface yet: nothing to move
    const w = results.surface.info.window;
    setStart(state.start[0] + dx * (w[1] - w[0]), state.start[1] + dy * (w[3] - w[2]));
  },
  onLayout: (frame, widCss) => colorbar.layout(frame.leftCss, frame.widCss, widCss),
  // the wheel, a drag or a pinch ended on another window: load its picture
  onWindow: (w) => surfaces.setWindow(w),
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
const view3d = new View3dToggle({
  button: $('view3d-toggle'),
  panel: $('view3d'),
  host: $('view3d-host'),
  message: $('view3d-message'),
  mapWrap: $('map-wrap'),
  onChange: (on) => { state.view = on ? '3d' : null; store.changed(); },
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
  element: $('chart-readout'), canvases: [$('chart'), $('schedule-chart')], axis, onMove: () => store.changed(),
});

const inspector = new Inspector($('hessian'), (a) => { results.inspect = a; store.changed(); }, $('tap-readout'));
// the start's analysis is in: 2/λmax beside each lr, and the loss at the start on the cards
inspector.onStartKnown = () => store.changed();
// the switch under the map, shown on touch screens
const tapMode = new TapMode({ store, inspector, stepMode, readout: $('tap-readout'), radios: document.querySelectorAll('input[name="tap-mode"]') });

const panel = new RacerPanel({
  chips: $('chips'),
  list: $('racers'),
  note: $('chips-note'),
  // the cards never write the state: they hand back its next racers and settings (racerChanges.js)
  onChange: (what, next) => {
    if (next) {
      state.optimizers = next.optimizers;
      state.settings = next.settings;
    } else {
      runner.drop(); // a field went invalid: the fields no longer describe the race on the map
    }
    runner.say(null); // what was said about the race before (even of a value typed again) no longer applies
  },
  onLive: () => runner.live(() => stepMode.disable()),
  state,
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
    store.changed();
    run();
  },
});

const share = new SharePanel({
  link: $('share-link'), embed: $('share-embed'), box: $('share'), title: $('share-title'), text: $('share-text'),
  autoplay: $('share-autoplay'), copy: $('share-copy'), done: $('share-done'), close: $('share-close'),
});

// the race's clock: each step it shows is a change of the store like any other
const playback = new Playback(() => store.changed());

const runner = new RaceRunner({
  store, playback,
  body: () => (results.surface ? raceBody() : null),
  ids: () => panel.racingIds(),
  refusal: () => {
    if (state.optimizers.length === 0) return 'Tick at least one optimizer to race.';
    // A card's field marked wrong keeps its last good value in the state: racing that would show a
    // race other than the one the fields describe.
    const wrong = $('racers').querySelector('[aria-invalid="true"]');
    if (!wrong) return null;
    wrong.focus();
    return `Fix the field marked in red first: ${document.getElementById(`${wrong.id}-error`)?.textContent ?? wrong.id}`;
  },
  allowsInternals: (steps) => stepMode.allows(steps),
});

const surfaces = new SurfaceLoader(store, () => tuner.cancel());

// ---- the readers, in the order they draw: the race first, so every view sees the same one ------

store.read('race', () => runner.follow());
store.read('url', (s, r) => {
  if (!r.surface) return; // a link being opened: its surface is not in the state yet
  urlState.write(s);
  $('full-lab').href = `/${location.search}`;
  share.refresh();
});
store.read('map', mapReader({ view, view3d, colorbar, inspector, stepMode, dataPanel, playback, $ }));
store.read('racers', racersReader({ panel, inspector, playback, optimizers: () => catalog.optimizers, rules: $('rules') }));
store.read('charts', chartsReader({ axis, chart, schedule, readout, playback, stepMode, planned: () => panel.racers(), $ }));
store.read('transport', transportReader({ playback, runner, $ }));
store.read('surface', surfaceText({ isListed, applyQuery, $ }));

// ---- changes ---------------------------------------------------------------------------------

function setStart(x, y) {
  if (!results.surface) return;
  const w = results.surface.info.window;
  const start = [coordinate(x, w[1] - w[0]), coordinate(y, w[3] - w[2])];
  if (state.start && start[0] === state.start[0] && start[1] === state.start[1]) return;
  state.start = start;
  $('start-out').textContent = `start moved to ${point(start[0], start[1])}`;
  store.changed();
}

/** Sets the lab up from a query string, exactly as if a link with it had been opened. */
async function applyQuery(query) {
  const s = urlState.parse(query);
  state.optimizers = knownRacers(s.optimizers);
  state.settings = s.settings;
  state.steps = s.steps;
  $('steps').value = String(state.steps ?? catalog.defaults.steps);
  store.changed();
  try {
    await surfaces.load(s.surface ?? state.surface, { start: s.start, bounds: s.window });
    $('formula-error').textContent = '';
    runner.say(null);
  } catch (e) {
    showError(e, s.surface);
  }
}

/** A link's racers that this server knows, each once (none named: the default race). */
function knownRacers(ids) {
  const known = new Set(catalog.optimizers.map((o) => o.name));
  return (ids ?? DEFAULT_RACE).filter((n, i, all) => isRacerId(n) && known.has(optimizerOf(n)) && all.indexOf(n) === i);
}

/** A picked surface: shown with the racers' settings dropped; a failure leaves the one shown. */
async function pickSurface(name) {
  try {
    await surfaces.load(name, { fresh: true });
  } catch (e) {
    showError(e, name);
    results.refusals++;
    store.changed();
  }
}

/** A surface that failed to load: a formula's error under its field, any other under Run. */
function showError(e, surface) {
  const isTyped = surface && !isListed(surface);
  if (isTyped || (e instanceof api.ApiError && e.field === 'surface' && surface === $('formula-input').value.trim())) {
    showFormulaError($('formula-error'), $('formula-input'), e.message);
  } else {
    runner.say(e.message);
  }
}

/** A surface the picker lists (a formula preset or a model on a built-in dataset), not a typed formula. */
function isListed(name) {
  return [...catalog.surfaces, ...(catalog.dataSurfaces ?? [])].some((s) => s.name === name);
}

// ---- the race ----------------------------------------------------------------------------------

function raceBody() {
  return { surface: state.surface, start: state.start, steps: state.steps ?? catalog.defaults.steps, racers: panel.racers() };
}

async function run() {
  stepMode.disable();
  if (await runner.ensure()) playback.play();
  store.changed();
}

async function step() {
  if (await runner.ensure(true)) {
    const tracks = playback.tracks;
    await stepMode.enable(tracks, raceBody());
    if (playback.tracks === tracks) playback.step();
  }
  store.changed();
}

function reset() {
  stepMode.disable(); // back to the start as after Run: Step turns step mode on again
  if (playback.loaded) playback.rewind();
  store.changed();
}

function pause() {
  playback.pause();
  store.changed();
}

// ---- controls ----------------------------------------------------------------------------------

function wire() {
  exporter.wire({ body: raceBody, name: () => state.surface, canvases: () => [$('base'), $('map')], error: (text) => runner.say(text) });
  $('run').addEventListener('click', run);
  $('pause').addEventListener('click', pause);
  $('step').addEventListener('click', step);
  $('reset').addEventListener('click', reset);
  // The window on its way (or shown) scaled about its centre (0.5 zooms in), tidied for the URL, and
  // previewed at once as a wheel's zoom is: a wheel or drag right after the click then starts from it.
  // A wheel still settling has a preview the page has not been told of yet: the click goes on from it.
  const zoom = (factor) => {
    const from = view.gestures?.active ? view.shownWindow() : surfaces.pendingWindow ?? view.window;
    const w = mapWindow.tidy(mapWindow.zoomed(from, factor));
    if (view.window && mapWindow.problem(w) === null) view.preview(w);
    surfaces.setWindow(w);
  };
  $('zoom-in').addEventListener('click', () => zoom(0.5));
  $('zoom-out').addEventListener('click', () => zoom(2));
  $('zoom-reset').addEventListener('click', () => surfaces.setWindow(null));
  $('window-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const typed = mapWindow.parse($('window-input').value);
    if (typed.error) {
      results.windowError = { text: typed.error };
      store.changed();
    } else {
      surfaces.setWindow(typed.window);
    }
  });
  $('timeline').addEventListener('input', () => playback.seek(Number($('timeline').value)));

  const speed = $('speed');
  const showSpeed = () => {
    playback.stepsPerSecond = SPEEDS[Number(speed.value)];
    $('speed-out').textContent = `${playback.stepsPerSecond} steps/s`;
    speed.setAttribute('aria-valuetext', `${playback.stepsPerSecond} steps per second`);
  };
  speed.addEventListener('input', showSpeed);
  showSpeed();

  for (const r of document.querySelectorAll('input[name="chart-x"]')) {
    r.addEventListener('change', () => {
      if (!r.checked) return;
      state.chartX = r.value === 'steps' ? null : r.value;
      store.changed();
    });
  }

  $('steps').addEventListener('change', () => {
    const max = catalog.limits.maxSteps;
    const n = Number($('steps').value.trim());
    if (!Number.isInteger(n) || n < 1 || n > max) {
      $('steps').setAttribute('aria-invalid', 'true');
      runner.say(`max steps must be a whole number from 1 to ${max}`);
      return;
    }
    $('steps').removeAttribute('aria-invalid');
    runner.say(null);
    state.steps = n === catalog.defaults.steps ? null : n;
    store.changed();
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

  for (const ev of ['focus', 'pointerenter']) {
    $('surface-select').addEventListener(ev, () => { if (catalog) surfaces.prefetch(catalog.surfaces.map((s) => s.name)); });
  }
  $('surface-select').addEventListener('change', () => {
    const name = $('surface-select').value;
    if (name === '__typed') return;
    $('formula-error').textContent = '';
    pickSurface(name);
  });

  $('formula-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = $('formula-input').value.trim();
    if (!text) return;
    $('formula-error').textContent = '';
    $('formula-input').removeAttribute('aria-invalid');
    try {
      await surfaces.load(text, { fresh: true });
    } catch (e) {
      showFormulaError($('formula-error'), $('formula-input'), e.message);
    }
  });

  // Space runs or pauses when a view or nothing has the focus (controls keep their own Space).
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== ' ' || (ev.target !== document.body && ev.target !== $('map') && !view3d.owns(ev.target))) return;
    ev.preventDefault();
    if (playback.playing) pause(); else run();
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
  for (const [label, list] of [['Surfaces', catalog.surfaces], ['Real data', catalog.dataSurfaces ?? []]]) {
    if (!list.length) continue;
    const group = document.createElement('optgroup');
    group.label = label;
    for (const s of list) group.append(new Option(s.title, s.name));
    select.append(group);
  }
  panel.setCatalog(catalog);
  tuner.setCatalog(catalog);
  stepMode.setLimits(catalog.limits);

  const fromUrl = urlState.parse(location.search);
  // A shared link may ask to start the race at once (play=1); the page does not keep it in its URL.
  const autoplay = new URLSearchParams(location.search).get('play') === '1';
  state.optimizers = knownRacers(fromUrl.optimizers);
  state.settings = fromUrl.settings;
  state.steps = fromUrl.steps;
  state.view = fromUrl.view;
  state.chartX = fromUrl.chartX;
  $('steps').value = String(state.steps ?? catalog.defaults.steps);
  store.changed();
  const surface = fromUrl.surface ?? catalog.surfaces[0].name;
  try {
    await surfaces.load(surface, { start: fromUrl.start, bounds: fromUrl.window });
  } catch (e) {
    // A link with a formula this server cannot read: say so, and show the first preset instead.
    if (fromUrl.surface && !isListed(fromUrl.surface)) $('formula-input').value = fromUrl.surface;
    showError(e, fromUrl.surface);
    await surfaces.load(catalog.surfaces[0].name, { fresh: true });
  }
  if (autoplay) run();
}

boot();
