// How the race's racers and their settings change, as pure functions of the lab's state: each takes
// the state ({optimizers, settings}, as urlState.js describes it) and returns the new optimizers and
// settings, never touching the old. The racer cards ask for a change; main.js applies what comes back
// to the one state, which the URL and the views then read.

import { instanceOf, nextId, optimizerOf } from './racerIds.js';

/** Registry order (`names`: the catalog's optimizers in order), each optimizer's racers by instance. */
export function ordered(ids, names) {
  const rank = new Map(names.map((n, k) => [n, k]));
  return [...ids].sort((a, b) => (rank.get(optimizerOf(a)) - rank.get(optimizerOf(b))) || (instanceOf(a) - instanceOf(b)));
}

/** A copy of the settings map with racer `id`'s settings replaced by `own` (dropped when empty). */
function withOwn(settings, id, own) {
  const next = { ...settings };
  if (own && Object.keys(own).length) next[id] = own; else delete next[id];
  return next;
}

/** A chip ticked: `optimizer` races; unticked: every racer of it leaves, and its copies' settings go. */
export function toggle(state, optimizer, on, names) {
  const ids = state.optimizers.filter((id) => optimizerOf(id) !== optimizer);
  if (on) ids.push(optimizer);
  const settings = { ...state.settings };
  for (const id of Object.keys(settings)) {
    if (!on && optimizerOf(id) === optimizer && id !== optimizer) delete settings[id];
  }
  return { optimizers: ordered(ids, names), settings };
}

/** "Race again": another racer of the same optimizer with racer `id`'s settings; unchanged at `maxRacers`. */
export function raceAgain(state, id, names, maxRacers) {
  if (state.optimizers.length >= maxRacers) return { optimizers: state.optimizers, settings: state.settings };
  const copy = nextId(optimizerOf(id), state.optimizers);
  const settings = state.settings[id] ? withOwn(state.settings, copy, { ...state.settings[id] }) : { ...state.settings };
  return { optimizers: ordered([...state.optimizers, copy], names), settings };
}

/** Racer `id` leaves the race, and its settings with it. */
export function remove(state, id) {
  return { optimizers: state.optimizers.filter((n) => n !== id), settings: withOwn(state.settings, id, null) };
}

/** Racer `id`'s `param` set to `text` as typed, or (`text` null: its default) dropped. */
export function setSetting(state, id, param, text) {
  const own = { ...(state.settings[id] || {}) };
  if (text === null) delete own[param]; else own[param] = text;
  return { optimizers: state.optimizers, settings: withOwn(state.settings, id, own) };
}

/**
 * Racer `id`'s schedule set to `schedule` (null: the default, kept out of the settings); the old
 * schedule's own parameters (`dropped`: names the optimizer does not also take) go with it.
 */
export function setSchedule(state, id, schedule, dropped) {
  const own = { ...(state.settings[id] || {}) };
  for (const name of dropped) delete own[name];
  if (schedule === null) delete own.schedule; else own.schedule = schedule;
  return { optimizers: state.optimizers, settings: withOwn(state.settings, id, own) };
}
