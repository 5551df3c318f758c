// Fetching surfaces and their pictures into the lab's store. A load changes nothing until its
// answers are in; then it writes the state (surface, start, window) and the results (the surface
// and the picture shown) at once and marks the store changed, so no frame shows half a surface.
// Only the newest load, and the newest window, is ever shown (latest.js).

import * as api from './api.js';
import * as mapWindow from './mapWindow.js';
import { Latest } from './latest.js';

export class SurfaceLoader {
  /**
   * @param {import('./labStore.js').LabStore} store
   * @param {() => void} onFresh  a surface was picked afresh: its racers' settings were dropped
   */
  constructor(store, onFresh) {
    this.store = store;
    this.onFresh = onFresh;
    this.surfaceLoads = new Latest();
    this.windowLoads = new Latest();
    this.cache = new Map(); // surface → Promise<{info, land, data}>
    this.prefetched = false;
    /** The window asked for and not yet shown (null: none out, or the surface's own). */
    this.asked = null;
  }

  /**
   * The window the map is on its way to, else null: a second zoom clicked before the first one's
   * picture arrived scales that window, not the one still drawn (two clicks of − zoom out 4×).
   */
  get pendingWindow() {
    return this.asked;
  }

  /**
   * Shows a surface: fetches (or recalls) its description and picture. `fresh` drops the racers'
   * settings, since learning rates that suit one surface rarely suit another; it happens only once
   * the new surface has loaded, so a failed load changes nothing (it throws).
   */
  async load(name, { start = null, fresh = false, bounds = null } = {}) {
    // not passed to fetch: its answers are cached for every later load, and prefetches share them
    const load = this.surfaceLoads.next();
    const entry = await this.fetch(name);
    if (!this.surfaceLoads.isCurrent(load)) return;
    // A link's window (window=…) is kept for the surface it came with; another surface shows its own.
    let window = fresh ? null : bounds;
    let land = entry.land;
    if (window) {
      try {
        land = await api.landscape(name, undefined, window, { signal: load });
      } catch {
        window = null; // a window this server refuses: the surface's own
      }
    }
    if (!this.surfaceLoads.isCurrent(load)) return; // superseded by another surface: leave its state alone
    const { state, results } = this.store;
    const ds = entry.info.defaultStart;
    state.surface = name;
    state.start = start ?? [ds.x, ds.y];
    state.window = window;
    if (fresh) {
      state.settings = {};
      this.onFresh();
    }
    results.surface = entry;
    results.land = land;
    results.loads++;
    results.windowError = null;
    results.inspect = null; // the inspector's points were the last surface's
    results.pin = null;
    this.store.changed();
  }

  /**
   * Shows the surface over `bounds` ([x0, x1, y0, y1]; null: its own window), which the +/−/Fit
   * buttons, the window field and the map's zoom and pan gestures all come through. The race is
   * drawn in world units, so it stays; only the picture, the axes and the colour bar's range follow.
   * When several windows are asked for in a row (a wheel turned in steps), only the last is shown.
   */
  async setWindow(bounds) {
    const { state, results } = this.store;
    const name = state.surface;
    const load = this.surfaceLoads.signal;
    const asked = this.windowLoads.next();
    const problem = bounds ? mapWindow.problem(bounds) : null;
    results.windowError = problem ? { text: problem } : null;
    this.store.changed();
    if (problem) return;
    this.asked = bounds;
    try {
      // not cached here: the server keeps a few
      const land = bounds ? await api.landscape(name, undefined, bounds, { signal: asked }) : (await this.fetch(name)).land;
      if (!this.surfaceLoads.isCurrent(load) || !this.windowLoads.isCurrent(asked)) return;
      state.window = bounds;
      results.land = land;
    } catch (e) {
      if (!this.windowLoads.isCurrent(asked)) return; // superseded (aborted, or answered after a newer one)
      results.windowError = { text: e.message, refused: true }; // the map goes back to the picture it has
    } finally {
      if (this.windowLoads.isCurrent(asked)) this.asked = null;
    }
    this.store.changed();
  }

  /** A surface's description and picture, fetched once per page; a failure is not remembered. */
  fetch(name) {
    let entry = this.cache.get(name);
    if (!entry) {
      // One after the other: a formula the server rejects costs one request (and one line in the
      // browser's network log), not two. No grid: the API's default picture.
      // A surface made of data (it has examples) brings its examples, for the picture beside the map.
      entry = api.surface(name).then(async (info) => ({
        info, land: await api.landscape(name), data: info.examples ? await api.data(name) : null,
      }));
      entry.catch(() => this.cache.delete(name));
      this.cache.set(name, entry);
    }
    return entry;
  }

  /**
   * When a person reaches for the surface picker, fetch the presets' pictures one by one in the
   * background, so that switching surface is only a redraw.
   */
  async prefetch(names) {
    if (this.prefetched) return;
    this.prefetched = true;
    for (const name of names) {
      try {
        await this.fetch(name);
      } catch {
        // shown if and when that surface is picked
      }
    }
  }
}
