// A small live landscape for the tour: the lab's own LandscapeView (colour map, contours, minima,
// trails and balls) with its own races and a legend of live losses. Each racer is its own
// /api/race request, so one panel may race the same optimizer twice with different settings
// (Adam with and without bias correction, SGD with and without a schedule).

import * as api from './api.js';
import { LandscapeView, MARGIN_CSS } from './landscapeView.js';
import { Playback, Track } from './playback.js';
import { num, point } from './format.js';
import * as urlState from './urlState.js';
import { nextId } from './racerIds.js';

const GRID = 120;
const MIN_PLOT_CSS = 160; // a figure never shrinks below this, however short the screen
const SLACK_CSS = 28;     // room for a readout that wraps onto one more line than when measured
const pictures = new Map(); // surface → Promise<landscape>, shared by every panel on the page

function landscapeOf(surface) {
  let p = pictures.get(surface);
  if (!p) {
    p = api.landscape(surface, GRID);
    p.catch(() => pictures.delete(surface));
    pictures.set(surface, p);
  }
  return p;
}

/**
 * @typedef {object} Racer
 * @property {string} optimizer
 * @property {string} label      what the legend calls it
 * @property {string} color
 * @property {object} [params]   as /api/race takes them
 * @property {object} [schedule]
 */

export class MapPanel {
  /**
   * @param {HTMLElement} host   gets the canvases and the legend
   * @param {object} o
   * @param {string} o.id        a short name for test ids (loss-ID-k)
   * @param {(x: number, y: number) => void} [o.onPick]
   * @param {() => number} [o.rows]  how many plots of the same height stand one above another in
   *                                 this panel, sharing the screen's height (default 1; a pair of
   *                                 maps side by side on a wide screen, stacked on a phone, says 2 there)
   */
  constructor(host, o) {
    this.id = o.id;
    const wrap = document.createElement('div');
    wrap.className = 'map tour-map';
    const base = document.createElement('canvas');
    base.setAttribute('aria-hidden', 'true');
    const overlay = document.createElement('canvas');
    overlay.setAttribute('data-testid', `canvas-${o.id}`);
    overlay.setAttribute('role', 'img');
    overlay.tabIndex = 0;
    overlay.setAttribute('aria-label', o.onPick ? 'Loss landscape: click or tap to move the start' : 'Loss landscape');
    wrap.append(base, overlay);
    this.legend = document.createElement('ul');
    this.legend.className = 'tour-legend';
    host.append(wrap, this.legend);
    // The figure and the control that drives it fit on one screen: the plot is as tall as the
    // viewport leaves once the rest of its panel (controls, readout, legend, link) has its room.
    this.panel = host.closest('.tour-panel') ?? host;
    this.wrap = wrap;
    this.reserveCss = null; // the panel's height less the plots', measured once per screen size
    this.rows = o.rows ?? (() => 1);
    this.view = new LandscapeView({
      wrap, base, overlay,
      onPick: (x, y) => (o.onPick ? o.onPick(x, y) : null),
      onHover: () => {},
      onNudge: () => {},
      onLayout: () => {},
      maxPlotHeight: () => Math.max(MIN_PLOT_CSS, (window.innerHeight - this.reserve() - SLACK_CSS) / this.rows()),
    });
    window.addEventListener('resize', () => this.remeasure());
    this.playback = new Playback((tracks, done) => {
      this.view.redraw();
      this.showLosses(tracks);
      if (done) this.remeasure(true); // the legend's end texts may have wrapped onto more lines
    });
    this.playback.stepsPerSecond = 150;
    this.token = 0;
    this.surface = null;
    this.racers = [];
    this.tracks = [];
  }

  /**
   * The panel's height beyond the plot: measured, not assumed, since controls, readouts and legends
   * differ from panel to panel and wrap differently on each screen. Not measured again at each
   * change of a readout's text (the figure would twitch as its slider moves): only when the screen's
   * size or the legend's length changes, and when a race ends (growing only, so the figure
   * settles after the first race instead of breathing with each).
   */
  reserve() {
    if (this.reserveCss === null) this.reserveCss = this.measure();
    return this.reserveCss;
  }

  measure() {
    // the map's box is the plot and its axes' margins (before the first layout, a blank canvas)
    const plotCss = this.wrap.offsetHeight - MARGIN_CSS.top - MARGIN_CSS.bottom;
    return this.panel.getBoundingClientRect().height - this.rows() * plotCss;
  }

  remeasure(growOnly = false) {
    requestAnimationFrame(() => {
      const now = this.measure();
      if (growOnly && this.reserveCss !== null && now <= this.reserveCss) return;
      this.reserveCss = now;
      this.view.layout();
    });
  }

  async setSurface(surface) {
    if (surface === this.surface) return;
    const land = await landscapeOf(surface);
    this.surface = surface;
    this.view.setLandscape(land);
  }

  setStart(start) {
    this.view.scene.start = start;
    this.view.redraw();
  }

  /** Draws the Hessian's eigen-directions of an /api/analyze answer (null: none). */
  inspect(analysis) {
    this.view.scene.inspect = analysis;
    this.view.redraw();
  }

  /**
   * Races `racers` from `start` and animates them; resolves with the runs (in racer order), or
   * null when a newer race replaced this one.
   */
  async race(surface, start, steps, racers) {
    const token = ++this.token;
    await this.setSurface(surface);
    this.setStart(start);
    const runs = await Promise.all(racers.map((r) => api.race({
      surface, start, steps,
      racers: [{ optimizer: r.optimizer, ...(r.params ? { params: r.params } : {}), ...(r.schedule ? { schedule: r.schedule } : {}) }],
    }).then((answer) => answer.runs[0])));
    if (token !== this.token) return null;
    this.racers = racers;
    this.tracks = runs.map((run, k) => new Track(racers[k].label, racers[k].color, run));
    this.view.scene.racers = this.tracks;
    this.buildLegend();
    this.playback.load(this.tracks);
    this.playback.play();
    return runs;
  }

  /** Jumps to the end of the race at once (no animation). */
  finish() {
    this.playback.pause();
    this.playback.cursor = this.playback.length;
    this.playback.apply();
  }

  buildLegend() {
    const relaid = this.legend.children.length !== this.tracks.length;
    this.legend.replaceChildren();
    this.tracks.forEach((t, k) => {
      const li = document.createElement('li');
      li.style.setProperty('--racer', t.color);
      const sw = document.createElement('span');
      sw.className = 'swatch';
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = t.name;
      const loss = document.createElement('span');
      loss.className = 'loss';
      loss.setAttribute('data-testid', `loss-${this.id}-${k}`);
      const end = document.createElement('span');
      end.className = 'end';
      li.append(sw, name, loss, end);
      this.legend.append(li);
    });
    if (relaid) this.remeasure();
  }

  showLosses(tracks) {
    const items = this.legend.children;
    tracks.forEach((t, k) => {
      const li = items[k];
      if (!li) return;
      const v = t.loss[t.shown];
      li.children[2].textContent = `loss ${num(v)}`;
      li.children[2].setAttribute('data-value', String(v));
      const done = t.shown >= t.last;
      li.children[3].textContent = done ? endText(t) : `step ${t.steps[t.shown]}`;
    });
  }
}

/** "converged after 1 step at (0, 0)", "diverged after 37 steps", … (all from the run's stop). */
export function endText(t) {
  const s = t.run.stop;
  const n = s.step === 1 ? '1 step' : `${s.step} steps`;
  const where = Number.isNaN(t.xs[t.last]) ? '' : ` at ${point(t.xs[t.last], t.ys[t.last], 3)}`;
  return `${s.reason} after ${n}${s.reason === 'diverged' ? '' : where}`;
}

/** A link into the full lab that sets it up like a panel. */
export function labLink(surface, start, steps, racers) {
  const optimizers = [];
  const settings = {};
  for (const r of racers) {
    const id = nextId(r.optimizer, optimizers); // the same optimizer again is "name:2" in the lab
    optimizers.push(id);
    const s = {};
    for (const [k, v] of Object.entries(r.params ?? {})) s[k] = String(v);
    if (r.schedule) {
      s.schedule = r.schedule.name;
      for (const [k, v] of Object.entries(r.schedule.params ?? {})) s[k] = String(v);
    }
    if (Object.keys(s).length) settings[id] = s;
  }
  return `/?${urlState.format({ surface, start, optimizers, steps, settings })}`;
}
