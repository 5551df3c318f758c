// The models page's set-up in the address bar (docs/API.md, "The models page's URL state"), so a
// link reproduces a training race: data, model, hidden, activation, loss, steps, batch-size, seed,
// sharpness-every, racers=sgd,momentum,adam and each racer's settings as ID.PARAM=value, the racer
// ids as the lab's (racerIds.js: "gd", "gd:2"). Values are kept as typed; the page checks them
// before it trains and the server checks them again. Pure: no DOM, no fetch.

import { isRacerId } from './racerIds.js';

/** The page's first race, when the link names none: SGD against momentum against Adam on the moons. */
export const DEFAULTS = Object.freeze({
  data: 'moons',
  model: 'mlp',
  hidden: '16,16',
  activation: 'tanh',
  loss: '',
  steps: '1000',
  batchSize: '',
  seed: '0',
  sharpnessEvery: '',
  racers: ['sgd', 'momentum', 'adam'],
  // Adam's own default lr (1e-3) barely moves this net in 1,000 steps; 0.01 races the others fairly.
  settings: { sgd: { lr: '0.1' }, momentum: { lr: '0.1' }, adam: { lr: '0.01' } },
});

/** The fields kept under their own names, by the URL key. */
const FIELDS = { data: 'data', model: 'model', hidden: 'hidden', activation: 'activation', loss: 'loss', steps: 'steps',
  'batch-size': 'batchSize', seed: 'seed', 'sharpness-every': 'sharpnessEvery' };

/** Parameter names as the registry spells them: "beta1", "weight-decay". */
const NAME = /^[a-z][a-z0-9-]*$/;
/** What a link may hold in a field: short, printable, no markup. */
const SAFE = /^[\w.,:+\- ]{0,40}$/;

/** The state a query holds, the defaults filling what it leaves out. */
export function parse(search) {
  const q = new URLSearchParams(search);
  const state = { ...DEFAULTS, racers: [...DEFAULTS.racers], settings: Object.create(null) };
  for (const [key, field] of Object.entries(FIELDS)) {
    const value = q.get(key);
    if (value !== null && SAFE.test(value)) state[field] = value.trim();
  }
  const racers = q.get('racers');
  const ids = racers === null ? null : racers.split(',').map((s) => s.trim()).filter(isRacerId);
  if (ids && ids.length > 0) state.racers = [...new Set(ids)];
  // Settings come from anyone who sends a link: prototype-less maps and name-shaped keys only.
  const given = Object.create(null);
  for (const [key, value] of q) {
    const dot = key.indexOf('.');
    if (dot <= 0) continue;
    const id = key.slice(0, dot), param = key.slice(dot + 1);
    if (!isRacerId(id) || !NAME.test(param) || !SAFE.test(value)) continue;
    (given[id] ??= Object.create(null))[param] = value.trim();
  }
  const linked = racers !== null || Object.keys(given).length > 0;
  for (const id of state.racers) {
    const settings = Object.assign(Object.create(null), linked ? {} : DEFAULTS.settings[id], given[id]);
    state.settings[id] = settings;
  }
  return state;
}

/** The query for a state: every field that differs from the default, the racers and their settings. */
export function format(state) {
  const q = new URLSearchParams();
  for (const [key, field] of Object.entries(FIELDS)) {
    if (state[field] !== DEFAULTS[field]) q.set(key, state[field]);
  }
  q.set('racers', state.racers.join(','));
  for (const id of state.racers) {
    const settings = state.settings[id] || {};
    for (const param of Object.keys(settings)) {
      if (settings[param] !== '') q.set(`${id}.${param}`, settings[param]);
    }
  }
  return q.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
}

let lastWritten = null;

/** Rewrites the address bar when (and only when) the state's query changed. */
export function write(state) {
  const query = format(state);
  if (query === lastWritten) return;
  lastWritten = query;
  history.replaceState(null, '', `${location.pathname}?${query}${location.hash}`);
}
