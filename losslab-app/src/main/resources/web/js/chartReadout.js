// The charts' readout: each racer's numbers at one place on the charts' shared axis (a step, or a
// count of evaluations). It follows the race as it plays; pointing at either chart (hover, or a
// tap on a phone) or moving with the arrow keys once it has the focus reads any earlier place, and
// both charts mark it with a dashed guide and a ring per racer. For screen readers it is a slider
// whose value text is what it shows. Nothing is computed here: every number is a point's.

import { num } from './format.js';
import { MARGIN_LEFT, MARGIN_RIGHT } from './chartAxis.js';
import { momentumSymbol } from './scheduleChart.js';

const COARSE = matchMedia('(pointer: coarse)'); // a finger: no hover, and likely no arrow keys

export class ChartReadout {
  /**
   * @param {object} o
   * @param {HTMLElement} o.element   the readout, focusable (role slider)
   * @param {HTMLCanvasElement[]} o.canvases the charts that set the cursor when pointed at
   * @param {import('./chartAxis.js').ChartAxis} o.axis
   * @param {() => void} o.onMove     the cursor moved: redraw the charts
   */
  constructor({ element, canvases, axis, onMove }) {
    Object.assign(this, { element, axis, onMove });
    this.tracks = [];
    this.rows = [];
    /** Whether the rows show the lr (the schedule chart is shown). */
    this.withLr = false;
    this.head = document.createElement('p');
    this.head.className = 'readout-at';
    this.at = document.createElement('strong');
    this.how = document.createElement('span');
    this.how.className = 'readout-how';
    this.head.append(this.at, this.how);
    this.list = document.createElement('ul');
    this.list.className = 'readout-rows';
    element.append(this.head, this.list);
    element.hidden = true;

    // A mouse reads while it hovers; a finger's tap stays read until a tap elsewhere (a finger
    // leaves the chart as soon as it lifts).
    for (const c of canvases) {
      c.addEventListener('pointermove', (ev) => this.pointAt(c, ev));
      c.addEventListener('pointerdown', (ev) => this.pointAt(c, ev));
      c.addEventListener('pointerleave', (ev) => {
        if (ev.pointerType === 'mouse' && document.activeElement !== element) this.move(null);
      });
    }
    document.addEventListener('pointerdown', (ev) => {
      if (ev.pointerType !== 'mouse' && !canvases.includes(ev.target) && !element.contains(ev.target)) this.move(null);
    });
    element.addEventListener('keydown', (ev) => this.key(ev));
    element.addEventListener('focus', () => { if (this.axis.cursor === null) this.move(this.now()); });
    element.addEventListener('blur', () => this.move(null));
  }

  /** A new race (or none): one row per racer. */
  setTracks(tracks, withLr) {
    this.tracks = tracks;
    this.withLr = withLr;
    this.rows = tracks.map((t) => this.row(t));
    this.list.replaceChildren(...this.rows.map((r) => r.li));
    this.element.hidden = tracks.length === 0;
    this.render();
  }

  row(t) {
    const li = document.createElement('li');
    li.style.setProperty('--racer', t.color);
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.setAttribute('aria-hidden', 'true');
    const name = document.createElement('b');
    name.textContent = t.name;
    const values = document.createElement('span');
    values.className = 'readout-values';
    li.append(swatch, name, values);
    const cell = (key) => {
      const span = document.createElement('span');
      span.dataset.testid = `at-${key}-${t.name}`;
      values.append(span);
      return span;
    };
    return {
      li, t,
      where: cell('where'),
      loss: cell('loss'),
      lr: this.withLr ? cell('lr') : null,
      momentum: t.momentum ? cell('momentum') : null,
    };
  }

  /** The axis position the race has reached: the furthest point any ball shows. */
  now() {
    let at = 0;
    for (const t of this.tracks) at = Math.max(at, this.axis.of(t)[t.shown]);
    return at;
  }

  pointAt(canvas, ev) {
    if (!this.tracks.length) return;
    const pw = canvas.clientWidth - MARGIN_LEFT - MARGIN_RIGHT;
    const span = this.axis.span();
    const x = ((ev.offsetX - MARGIN_LEFT) / pw) * span;
    this.move(Math.round(Math.max(0, Math.min(span, x))));
  }

  key(ev) {
    if (!this.tracks.length) return;
    const span = this.axis.span();
    const at = this.axis.cursor ?? this.now();
    const page = Math.max(1, Math.round(span / 10));
    const by = ev.shiftKey ? 10 : 1;
    const to = {
      ArrowRight: at + by, ArrowUp: at + by, ArrowLeft: at - by, ArrowDown: at - by,
      PageUp: at + page, PageDown: at - page, Home: 0, End: span,
    }[ev.key];
    if (ev.key === 'Escape') {
      this.move(null);
    } else if (to !== undefined) {
      this.move(Math.max(0, Math.min(span, to)));
    } else {
      return;
    }
    ev.preventDefault();
  }

  move(x) {
    if (x === this.axis.cursor) return;
    this.axis.cursor = x;
    this.onMove();
    this.render();
  }

  /** Writes what the cursor (or, with none, the race) reads; only text that changed is written. */
  render() {
    if (!this.tracks.length) return;
    const cursor = this.axis.cursor;
    const at = cursor ?? this.now();
    const head = cursor === null ? `Now, ${this.axis.unit(at)}` : `At ${this.axis.unit(at)}`;
    write(this.at, head);
    write(this.how, cursor !== null ? (COARSE.matches ? ' · tap outside the charts: back to now' : ' · Esc: back to now')
      : COARSE.matches ? ' · tap a chart to read any other point' : ' · point at a chart, or focus here and press ← →, to read any other point');
    const stepsAxis = this.axis.kind === 'steps';
    const spoken = [head];
    for (const r of this.rows) {
      const t = r.t;
      const i = cursor === null ? t.shown : this.axis.indexAt(t, cursor);
      const x = this.axis.of(t)[i];
      let where = '';
      if (!stepsAxis) where = `step ${t.steps[i]}, ${this.axis.unit(x)}`;
      else if (x < at) where = `ended at step ${x}`;
      write(r.where, where, x);
      r.where.hidden = where === '';
      const loss = t.loss[i];
      write(r.loss, `loss ${Number.isNaN(loss) ? '—' : num(loss)}`, loss);
      const parts = [t.name, where, r.loss.textContent];
      // before the first update, the lr and momentum the first update will use
      const k = i > 0 ? i : Math.min(1, t.last);
      const next = k !== i ? 'next ' : '';
      if (r.lr) {
        write(r.lr, `${next}lr ${num(t.lr[k])}`, t.lr[k]);
        parts.push(r.lr.textContent);
      }
      if (r.momentum) {
        write(r.momentum, `${next}${momentumSymbol(t)} ${num(t.momentum[k])}`, t.momentum[k]);
        parts.push(r.momentum.textContent);
      }
      spoken.push(parts.filter(Boolean).join(', '));
    }
    attr(this.element, 'aria-valuemin', '0');
    attr(this.element, 'aria-valuemax', String(this.axis.span()));
    attr(this.element, 'aria-valuenow', String(at));
    attr(this.element, 'aria-valuetext', spoken.join('. '));
  }
}

/** Sets an element's text (and its exact number, for tests and tools) only when it changed. */
function write(element, text, value) {
  if (element.textContent !== text) element.textContent = text;
  if (value !== undefined) {
    const v = Number.isNaN(value) ? '' : String(value);
    if (element.dataset.value !== v) element.dataset.value = v;
  }
}

function attr(element, name, value) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
