// The maps page's state in the address bar (docs/API.md, "The maps page's URL state"), so a link
// reopens the same tab with the same set-ups. The Basins tab owns the plain names (surface,
// optimizer, grid, steps and the optimizer's settings by their CLI names: lr, momentum, …), as
// before the page had tabs; the Sweep and SGD tabs have theirs under "sweep." and "sgd.".
// Read once on load; written with history.replaceState whenever a control changes.

import { queryText } from './urlState.js';
import { PLAIN_NUMBER } from './settingCheck.js';

const TABS = ['basins', 'sweep', 'sgd'];
const FIXED = ['tab', 'surface', 'optimizer', 'grid', 'steps'];
const SWEEP = ['surface', 'optimizer', 'start', 'lr', 'momentum', 'log', 'steps'];
const SGD = ['surface', 'start', 'noise', 'batch-sizes', 'runs', 'lr', 'steps'];

/**
 * @typedef {object} MapsState
 * @property {'basins'|'sweep'|'sgd'} tab
 * @property {string|null} surface      Basins tab
 * @property {string|null} optimizer
 * @property {number|null} grid
 * @property {number|null} steps
 * @property {Object<string, string>} params  param → text as typed (only those given)
 * @property {Object<string, string>} sweep   Sweep tab: SWEEP's names → text (only those given)
 * @property {Object<string, string>} sgd     SGD tab: SGD's names → text (only those given; noise on a
 *                                            formula, batch-sizes on a surface made of data)
 */

/** @returns {MapsState} */
export function parse(search) {
  const q = new URLSearchParams(search);
  const text = (name) => (q.get(name) || '').trim() || null;
  const whole = (name) => {
    const v = Number(q.get(name));
    return q.has(name) && Number.isInteger(v) && v >= 0 ? v : null;
  };
  const params = {};
  const sweep = {};
  const sgd = {};
  for (const [key, value] of q) {
    const [prefix, name] = key.includes('.') ? key.split('.', 2) : [null, key];
    if (prefix === 'sweep' && SWEEP.includes(name)) sweep[name] = value.trim();
    else if (prefix === 'sgd' && SGD.includes(name)) sgd[name] = value.trim();
    else if (prefix === null && !FIXED.includes(key) && /^[a-z][a-z0-9-]*$/i.test(key)) params[key] = value;
  }
  const tab = TABS.includes(q.get('tab')) ? q.get('tab') : 'basins';
  return { tab, surface: text('surface'), optimizer: text('optimizer'), grid: whole('grid'), steps: whole('steps'), params, sweep, sgd };
}

const NUMBER = PLAIN_NUMBER; // the API's numbers (settingCheck.js)
/** The shape each Sweep and SGD field must have to go into a link (a half-typed value stays out). */
const SHAPES = {
  start: new RegExp(`^${NUMBER},${NUMBER}$`),
  lr: new RegExp(`^${NUMBER}(?::${NUMBER}:\\d+)?$`), // the sweep's range, or the SGD tab's one lr
  momentum: new RegExp(`^${NUMBER}:${NUMBER}:\\d+$`),
  noise: new RegExp(`^${NUMBER}:${NUMBER}:\\d+$`),
  'batch-sizes': /^\d+(?:,\d+)*$/, // the SGD tab's on a surface made of data: 1,4,16,64
  runs: /^\d+$/,
  steps: /^\d+$/,
  log: /^1$/,
};

function linkable(name, value) {
  const shape = SHAPES[name];
  return !shape || shape.test(String(value));
}

/** The query string for a state, in a stable order. */
export function format(state) {
  const q = new URLSearchParams();
  if (state.tab && state.tab !== 'basins') q.set('tab', state.tab);
  if (state.surface) q.set('surface', state.surface);
  if (state.optimizer) q.set('optimizer', state.optimizer);
  if (state.grid !== null && state.grid !== undefined) q.set('grid', String(state.grid));
  if (state.steps !== null && state.steps !== undefined) q.set('steps', String(state.steps));
  for (const [name, value] of Object.entries(state.params || {})) {
    if (value !== '' && value !== null && value !== undefined) q.set(name, value);
  }
  for (const [prefix, names, values] of [['sweep', SWEEP, state.sweep], ['sgd', SGD, state.sgd]]) {
    for (const name of names) {
      const value = values ? values[name] : null;
      if (value !== '' && value !== null && value !== undefined && linkable(name, value)) q.set(`${prefix}.${name}`, String(value));
    }
  }
  return queryText(q);
}

let lastWritten = null;

/** Rewrites the address bar when (and only when) the query changed. */
export function write(state) {
  const query = format(state);
  if (query === lastWritten) return;
  lastWritten = query;
  history.replaceState(null, '', `${location.pathname}?${query}`);
}
