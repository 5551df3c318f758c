// The lab's state in the address bar (docs/API.md, "The page's URL state"), so a link reproduces
// the view: surface, start=x,y, optimizers=a,b, steps, view=3d when the 3-D view is open,
// chart-x=f-evals or g-evals when the charts count evaluations along the bottom, and
// NAME.PARAM=value for each racer's settings (lr, noise, seed, hyper-parameters by their CLI names,
// schedule and its parameters).
// Read once on load; written with history.replaceState whenever the state changes.

/**
 * @typedef {object} LabState
 * @property {string|null} surface     catalog name or typed formula
 * @property {number[]|null} start     [x, y], or null for the surface's default start
 * @property {number[]|null} [window]  [x0, x1, y0, y1] the map shows, or null for the surface's own
 * @property {string[]|null} optimizers racer ids in order ("gd", "gd:2": racerIds.js), or null for the default race
 * @property {number|null} steps
 * @property {'3d'|null} [view]       '3d' when the 3-D view replaces the map; null for the map
 * @property {'f-evals'|'g-evals'|null} [chartX] what the charts count along the bottom; null for steps
 * @property {Object<string, Object<string, string>>} settings  per optimizer: param → text as typed
 */

import { isRacerId } from './racerIds.js';
import * as mapWindow from './mapWindow.js';

/** Parameter names as the registry spells them: "beta1", "weight-decay", "t-max". */
const NAME = /^[a-z][a-z0-9-]*$/;

/** @returns {LabState} */
export function parse(search) {
  const q = new URLSearchParams(search);
  // Settings come from the address bar, so from anyone who sends a link: prototype-less maps and
  // name-shaped keys only, so "__proto__.x=…" can never reach Object.prototype.
  const state = { surface: null, start: null, window: null, optimizers: null, steps: null, view: null, chartX: null, settings: Object.create(null) };
  const surface = q.get('surface');
  if (surface && surface.trim()) state.surface = surface.trim();
  const start = q.get('start');
  if (start) {
    const parts = start.split(',').map(Number);
    if (parts.length === 2 && parts.every(Number.isFinite)) state.start = parts;
  }
  // a link's window beyond the page's bounds (mapWindow.LIMITS) is dropped, as a malformed one is
  const window = q.get('window');
  if (window !== null) state.window = mapWindow.parse(window).window ?? null;
  const optimizers = q.get('optimizers');
  if (optimizers !== null) state.optimizers = optimizers.split(',').map((s) => s.trim()).filter(Boolean);
  const steps = Number(q.get('steps'));
  if (q.has('steps') && Number.isInteger(steps) && steps >= 0) state.steps = steps;
  if (q.get('view') === '3d') state.view = '3d';
  const chartX = q.get('chart-x');
  if (chartX === 'f-evals' || chartX === 'g-evals') state.chartX = chartX;
  for (const [key, value] of q) {
    const dot = key.indexOf('.');
    if (dot <= 0) continue;
    const name = key.slice(0, dot);
    const param = key.slice(dot + 1);
    if (!isRacerId(name) || !NAME.test(param)) continue;
    (state.settings[name] ??= Object.create(null))[param] = value;
  }
  return state;
}

/** The query string for a state; only racing optimizers' settings are written. */
export function format(state) {
  const q = new URLSearchParams();
  if (state.surface) q.set('surface', state.surface);
  if (state.start) q.set('start', `${state.start[0]},${state.start[1]}`);
  if (state.window) q.set('window', state.window.join(','));
  if (state.optimizers) q.set('optimizers', state.optimizers.join(','));
  if (state.steps !== null && state.steps !== undefined) q.set('steps', String(state.steps));
  if (state.view === '3d') q.set('view', '3d');
  if (state.chartX) q.set('chart-x', state.chartX);
  for (const name of state.optimizers ?? []) {
    const settings = state.settings[name];
    if (!settings) continue;
    for (const param of Object.keys(settings)) q.set(`${name}.${param}`, settings[param]);
  }
  return queryText(q);
}

/**
 * A query as the page writes it: URLSearchParams writes ',' as %2C and ':' as %3A; the contract's
 * links read better with them literal (both are allowed as they are: "optimizers=gd,gd:2&gd:2.lr=0.21").
 */
export function queryText(q) {
  return q.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
}

let lastWritten = null;

/** Rewrites the address bar when (and only when) the state's query changed. */
export function write(state) {
  const query = format(state);
  if (query === lastWritten) return;
  lastWritten = query;
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  history.replaceState(null, '', url);
}
