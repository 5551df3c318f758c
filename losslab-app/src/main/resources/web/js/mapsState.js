// The basin page's state in the address bar (docs/API.md, "The maps page's URL state"):
// surface, optimizer, grid, steps, and the optimizer's settings by their CLI names (lr, noise,
// seed, momentum, …), so a link reproduces a map. Read once on load; written with
// history.replaceState whenever a control changes.

const FIXED = ['surface', 'optimizer', 'grid', 'steps'];

/**
 * @typedef {object} MapsState
 * @property {string|null} surface
 * @property {string|null} optimizer
 * @property {number|null} grid
 * @property {number|null} steps
 * @property {Object<string, string>} params  param → text as typed (only those given)
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
  for (const [key, value] of q) {
    if (!FIXED.includes(key) && /^[a-z][a-z0-9-]*$/i.test(key)) params[key] = value;
  }
  return { surface: text('surface'), optimizer: text('optimizer'), grid: whole('grid'), steps: whole('steps'), params };
}

/** The query string for a state, in a stable order. */
export function format(state) {
  const q = new URLSearchParams();
  if (state.surface) q.set('surface', state.surface);
  if (state.optimizer) q.set('optimizer', state.optimizer);
  if (state.grid !== null && state.grid !== undefined) q.set('grid', String(state.grid));
  if (state.steps !== null && state.steps !== undefined) q.set('steps', String(state.steps));
  for (const [name, value] of Object.entries(state.params)) {
    if (value !== '' && value !== null && value !== undefined) q.set(name, value);
  }
  return q.toString().replaceAll('%2C', ',');
}

let lastWritten = null;

/** Rewrites the address bar when (and only when) the query changed. */
export function write(state) {
  const query = format(state);
  if (query === lastWritten) return;
  lastWritten = query;
  history.replaceState(null, '', `${location.pathname}?${query}`);
}
