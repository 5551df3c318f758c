// Step mode: once the person presses Step, each ball shows the step that brought it there, taken
// apart (stepArrows.js), with a legend and a per-racer readout of the numbers under the map; and
// hovering a trail point shows that point's step, loss, gradient and update. The optimizers'
// internals come from POST /api/race with "internals": true (docs/API.md); nothing is computed
// here but θₖ − θₖ₋₁.

import * as api from './api.js';
import { num, point } from './format.js';
import { ARROWS, drawStepArrows, vectorAt } from './stepArrows.js';

const HOVER_PX = 9;       // how near a trail point the pointer must be

export class StepMode {
  /**
   * @param {object} o
   * @param {import('./landscapeView.js').LandscapeView} o.view
   * @param {HTMLElement} o.wrap   the map's wrapper: the tooltip lives inside, the legend after it
   */
  constructor({ view, wrap }) {
    this.view = view;
    this.active = false;
    this.tracks = [];
    this.limit = 0; // the catalog's limits.maxInternalsSteps (setLimits): none before it is known
    this.shownKey = '';
    // Whose step the map takes apart: one racer's arrows at a time stay readable (its readout row
    // or the legend's choice picks another); null means the first racer.
    this.selected = null;

    this.legend = document.createElement('div');
    this.legend.className = 'step-legend';
    this.legend.dataset.testid = 'step-legend';
    this.legend.hidden = true;
    this.legend.setAttribute('aria-live', 'polite');
    // under the colour bar, so the map and its scale stay together
    const below = wrap.nextElementSibling && wrap.nextElementSibling.classList.contains('colorbar') ? wrap.nextElementSibling : wrap;
    below.after(this.legend);

    this.tip = document.createElement('div');
    this.tip.className = 'step-tip';
    this.tip.dataset.testid = 'step-tooltip';
    this.tip.hidden = true;
    wrap.append(this.tip);
    // a finger leaves the map after every tap: a tapped point's readout stays until the next tap
    wrap.addEventListener('pointerleave', (ev) => { if (ev.pointerType !== 'touch') this.tip.hidden = true; });

    view.scene.extra = (ctx, frame) => {
      let drawn = 0;
      if (this.active && this.tracks.length && view.window) {
        const w = view.window;
        drawn = drawStepArrows(ctx, frame, [this.selectedTrack()].filter(Boolean), Math.max(w[1] - w[0], w[3] - w[2]));
      }
      // how many step vectors the map shows, for tests and tools
      view.overlay.dataset.stepArrows = String(drawn);
    };
  }

  setLimits(limits) {
    this.limit = limits.maxInternalsSteps;
  }

  /** Whether a race of this many steps may carry internals. */
  allows(steps) {
    return steps <= this.limit;
  }

  /**
   * Turns step mode on for these tracks, fetching the same race again with internals when they
   * came without (the runs are deterministic, so the points are the same). Resolves false when
   * the tracks were replaced meanwhile.
   */
  async enable(tracks, body) {
    this.active = true;
    if (tracks.length && !hasInternals(tracks[0]) && tracks[0].last > 0 && this.allows(body.steps)) {
      try {
        const result = await api.race({ ...body, internals: true });
        result.runs.forEach((run, i) => { if (tracks[i]) tracks[i].run.points = run.points; });
      } catch {
        // step mode still shows the gradient and the update, which the points carry
      }
    }
    this.tracks = tracks;
    this.shownKey = '';
    return true;
  }

  /** The racer whose step the map shows: the chosen one while it races, else the first. */
  selectedTrack() {
    return this.tracks.find((t) => t.name === this.selected) ?? this.tracks[0] ?? null;
  }

  select(name) {
    this.selected = name;
    this.shownKey = '';
    this.frame();
    this.view.redraw();
  }

  /** Back to plain playback (Run, Reset, or a changed race): no arrows, legend or tooltip. */
  disable() {
    this.active = false;
    this.tracks = [];
    this.legend.hidden = true;
    this.tip.hidden = true;
    this.shownKey = '';
    this.view.redraw();
  }

  /** Settings changed: the tracks are gone; hovering shows nothing until the next race. */
  clear(tracks = []) {
    this.disable();
    this.hoverTracks = tracks;
  }

  /** The tracks hovering reads (any loaded race, step mode or not). */
  setHoverTracks(tracks) {
    this.hoverTracks = tracks;
  }

  /** Called on every playback frame: rewrites the legend only when a shown step changed. */
  frame() {
    if (!this.active) return;
    const key = this.tracks.map((t) => t.shown).join(',');
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.renderLegend();
  }

  renderLegend() {
    const present = new Set(['update', 'gradient']);
    for (const t of this.tracks) {
      const inner = t.run.points[t.shown] && t.run.points[t.shown].internals;
      if (inner) for (const k of Object.keys(inner)) present.add(k);
    }
    const keys = document.createElement('ul');
    keys.className = 'step-keys';
    for (const a of ARROWS) {
      if (!present.has(a.key)) continue;
      const li = document.createElement('li');
      const swatch = document.createElement('span');
      const dashed = (a.kind === 'gradient' || a.kind === 'world') && a.key !== 'update' && a.key !== 'gradient';
      swatch.className = `step-swatch step-${a.kind}${dashed ? ' step-dashed' : ''}`;
      swatch.style.setProperty('--c', a.color ?? 'var(--ink)');
      li.append(swatch, `${a.label}${a.note ? ` (${a.note})` : ''}`);
      keys.append(li);
    }
    const note = document.createElement('p');
    note.className = 'step-note';
    note.textContent = 'Arrows start where the ball’s last step began (○). The update and Newton’s step are to scale; '
      + '−∇f, −b, −m̂ and the √ boxes share one scale per racer, the longest at 15 % of the window.';
    const rows = document.createElement('table');
    rows.className = 'step-readout';
    const shown = this.selectedTrack();
    for (const t of this.tracks) {
      const row = readoutRow(t, this.view.frame);
      if (t === shown) row.classList.add('selected');
      rows.append(row);
    }
    const title = document.createElement('h3');
    const at = Math.max(0, ...this.tracks.map((t) => t.shown));
    title.textContent = `Step mode · paused at step ${at}`;
    title.dataset.testid = 'step-title';
    const parts = [title];
    if (this.tracks.length > 1) parts.push(this.chooser(shown));
    this.legend.replaceChildren(...parts, keys, note, rows);
    this.legend.hidden = false;
  }

  /** Buttons naming each racer: the map takes apart the step of the one pressed. */
  chooser(shown) {
    const box = document.createElement('div');
    box.className = 'step-chooser';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', 'Whose step the map shows');
    box.append('Arrows for ');
    for (const t of this.tracks) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'btn btn-small step-pick';
      b.textContent = t.name;
      b.style.setProperty('--racer', t.color);
      b.dataset.testid = `step-pick-${t.name}`;
      b.setAttribute('aria-pressed', String(t === shown));
      b.addEventListener('click', () => this.select(t.name));
      box.append(b);
    }
    return box;
  }

  /** The pointer is at world point p (or left the map). */
  hover(p) {
    const tracks = this.hoverTracks || [];
    if (!p || !tracks.length) { this.tip.hidden = true; return; }
    const f = this.view.frame;
    const mx = f.xPx(p[0]), my = f.yPx(p[1]);
    let best = null, bestD = HOVER_PX * HOVER_PX;
    for (const t of tracks) {
      for (let i = 0; i <= t.shown; i++) {
        const dx = f.xPx(t.xs[i]) - mx, dy = f.yPx(t.ys[i]) - my;
        const d = dx * dx + dy * dy;
        if (d <= bestD) { bestD = d; best = [t, i]; }
      }
    }
    if (!best) { this.tip.hidden = true; return; }
    const [t, i] = best;
    const pt = t.run.points[i];
    const u = vectorAt(t, i, 'update');
    const lines = [
      [`${t.name} · step ${pt.step}`, null],
      ['θ', point(t.xs[i], t.ys[i])],
      ['loss', num(pt.loss)],
      ['∇f', point(pt.gradX, pt.gradY)],
      ['update', u ? point(u[0], u[1]) : '— (the start)'],
    ];
    if (pt.internals) for (const [k, v] of Object.entries(pt.internals)) lines.push([k, point(v[0], v[1])]);
    this.tip.replaceChildren(...lines.map(([k, v]) => {
      const row = document.createElement('div');
      if (v === null) { row.className = 'step-tip-head'; row.textContent = k; } else row.textContent = `${k} ${v}`;
      return row;
    }));
    if (u) { this.tip.dataset.dx = String(u[0]); this.tip.dataset.dy = String(u[1]); } else { delete this.tip.dataset.dx; delete this.tip.dataset.dy; }
    this.tip.dataset.step = String(pt.step);
    this.tip.style.left = `${f.xPx(t.xs[i]) + 12}px`;
    this.tip.style.top = `${f.yPx(t.ys[i]) + 12}px`;
    this.tip.hidden = false;
  }
}

function hasInternals(track) {
  const p = track.run.points[1];
  return !!(p && p.internals);
}

function readoutRow(t, frame) {
  const i = t.shown;
  const tr = document.createElement('tr');
  tr.dataset.testid = `step-readout-${t.name}`;
  tr.style.setProperty('--racer', t.color);
  const name = document.createElement('th');
  name.scope = 'row';
  name.textContent = `${t.name} · step ${i}`;
  const cells = [];
  const u = vectorAt(t, i, 'update');
  const upd = document.createElement('td');
  upd.dataset.testid = `step-update-${t.name}`;
  upd.textContent = `Δθ ${u ? point(u[0], u[1]) : '—'}`;
  if (u) { upd.dataset.dx = String(u[0]); upd.dataset.dy = String(u[1]); }
  // where the ball is on the map, in CSS pixels: for tests and tools that point at it
  upd.dataset.ballPx = String(frame.xPx(t.xs[i]));
  upd.dataset.ballPy = String(frame.yPx(t.ys[i]));
  cells.push(upd);
  const g = vectorAt(t, i, 'gradient');
  const gt = document.createElement('td');
  gt.textContent = `∇f ${g ? point(g[0], g[1]) : '—'}`;
  cells.push(gt);
  const inner = t.run.points[i] && t.run.points[i].internals;
  if (inner) {
    for (const [k, v] of Object.entries(inner)) {
      const td = document.createElement('td');
      td.textContent = `${k} ${point(v[0], v[1])}`;
      cells.push(td);
    }
  }
  tr.append(name, ...cells);
  return tr;
}
