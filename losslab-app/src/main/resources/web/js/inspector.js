// The Hessian inspector: what the curvature says at one point. Follows the pointer while it
// hovers the map, else shows the point pinned by a tap (touch screens have no hover), else the
// start. Requests go out one at a time and no faster than every MIN_GAP_MS; the start is fetched
// first (the readouts need its loss), then only the newest point the pointer asked for, and
// answers are cached per point, so a sweeping mouse costs a handful of calls, not hundreds.

import * as api from './api.js';
import { num, point } from './format.js';

const MIN_GAP_MS = 60;
const CACHE_MAX = 500; // points; the oldest goes first

const KIND_WORDS = {
  minimum: 'both eigenvalues positive: the surface curves up every way',
  maximum: 'both eigenvalues negative: the surface curves down every way',
  saddle: 'eigenvalues of opposite signs: up one way, down the other',
  degenerate: 'an eigenvalue is zero: the second-derivative test cannot decide',
};

/**
 * The label and sentence for an analysis: the curvature's kind names the point only where the slope
 * vanishes (the server's `critical`); elsewhere the same curvature is just the ground's shape.
 */
const SHAPE_WORDS = {
  minimum: 'curves up every way',
  maximum: 'curves down every way',
  saddle: 'curves up one way, down the other',
  degenerate: 'flat one way',
};
export function describe(a) {
  if (a.critical !== false) return { label: a.kind, css: `kind-${a.kind}`, meaning: KIND_WORDS[a.kind] ?? '' };
  return {
    label: 'slope',
    css: 'kind-slope',
    meaning: `not a critical point: the ground still slopes (|∇f| ${num(a.gradientNorm)}) and ${SHAPE_WORDS[a.kind] ?? ''}`,
  };
}

export class Inspector {
  /**
   * @param {HTMLElement} root  the readout (data-testid="hessian")
   * @param {(analysis: object|null) => void} onAnalysis  for drawing eigenvectors
   * @param {HTMLElement} [summary]  a one-line readout of a pinned point, beside the map
   */
  constructor(root, onAnalysis, summary = null) {
    this.root = root;
    this.onAnalysis = onAnalysis;
    this.summary = summary;
    this.surface = null;
    this.start = null;
    this.hover = null;
    this.pinned = null;
    this.cache = new Map();
    this.failed = new Set(); // keys whose analysis the server refused (f undefined there)
    this.wanted = null;     // [x, y] to show
    this.inFlight = false;
    this.lastSent = 0;
    this.shownKey = null;
    this.fields = {};
    for (const el of root.querySelectorAll('[data-field]')) this.fields[el.dataset.field] = el;
  }

  setSurface(name) {
    this.surface = name;
    this.cache.clear();
    this.shownKey = null;
    this.setPinned(null); // a point of another surface
  }

  setStart(start) {
    this.start = start;
    if (!this.hover && !this.pinned) this.want(start);
    else this.pump(); // still fetched (readouts and 2/λmax need it), just not shown yet
  }

  setHover(p) {
    this.hover = p;
    this.want(p || this.pinned || this.start);
  }

  /** Pins the readout to point p until another is pinned or null unpins it (back to the start). */
  setPinned(p) {
    this.pinned = p;
    if (this.summary && !p) {
      this.summary.hidden = true;
      this.summary.replaceChildren();
    }
    this.want(this.hover || p || this.start);
  }

  /** The start point's analysis, once known (for the loss at the start and 2/λmax). */
  startAnalysis() {
    return this.start ? this.cache.get(this.key(this.start)) ?? null : null;
  }

  key(p) {
    return `${this.surface}|${p[0]}|${p[1]}`;
  }

  want(p) {
    if (!p || !this.surface) return;
    this.wanted = p;
    const hit = this.cache.get(this.key(p));
    if (hit) { this.show(p, hit); return; }
    this.pump();
  }

  /**
   * The next point to fetch: the start first (others depend on it), then the one to show. A point
   * whose analysis failed (f undefined there) is not asked for again, so it cannot block the rest.
   */
  next() {
    const pending = (p) => p && !this.cache.has(this.key(p)) && !this.failed.has(this.key(p));
    if (pending(this.start)) return this.start;
    if (pending(this.wanted)) return this.wanted;
    return null;
  }

  async pump() {
    if (this.inFlight || !this.surface) return;
    const p = this.next();
    if (!p) return;
    const wait = this.lastSent + MIN_GAP_MS - performance.now();
    if (wait > 0) {
      this.inFlight = true;
      setTimeout(() => { this.inFlight = false; this.pump(); }, wait);
      return;
    }
    const surface = this.surface;
    const key = this.key(p);
    this.inFlight = true;
    this.lastSent = performance.now();
    let failure = null;
    try {
      this.cache.set(key, await api.analyze(surface, p[0], p[1]));
      if (this.cache.size > CACHE_MAX) this.cache.delete(this.cache.keys().next().value);
    } catch (e) {
      failure = e;
    } finally {
      this.inFlight = false;
    }
    if (this.surface !== surface) { this.pump(); return; }
    const isWanted = this.wanted && this.key(this.wanted) === key;
    if (failure) {
      this.failed.add(key);
      if (this.failed.size > CACHE_MAX) this.failed.delete(this.failed.values().next().value);
      if (isWanted) this.showError(failure.message);
      this.pump(); // the failed point is skipped from now on; go on with the one the pointer wants
      return;
    }
    if (isWanted) this.show(p, this.cache.get(key));
    if (this.start && this.key(this.start) === key) this.onStartKnown?.();
    this.pump();
  }

  show(p, a) {
    const key = this.key(p);
    if (key === this.shownKey) return;
    this.shownKey = key;
    const f = this.fields;
    const isStart = this.start && p[0] === this.start[0] && p[1] === this.start[1];
    const isPinned = this.pinned && p[0] === this.pinned[0] && p[1] === this.pinned[1];
    f.where.textContent = `${isStart ? 'at the start ' : isPinned ? 'at the point you tapped ' : 'under the pointer '}${point(a.at.x, a.at.y)}`;
    const words = describe(a);
    f.kind.textContent = words.label;
    f.kind.className = `kind ${words.css}`;
    f.meaning.textContent = words.meaning;
    f.lambda1.textContent = num(a.eigenvalues[0]);
    f.lambda2.textContent = num(a.eigenvalues[1]);
    f.trace.textContent = num(a.trace);
    f.det.textContent = num(a.determinant);
    f.value.textContent = num(a.value);
    f.grad.textContent = num(a.gradientNorm);
    f.lrmax.textContent = a.maxStableLearningRate === null
      ? 'none: no direction curves up, so GD cannot settle here'
      : `lr < ${num(a.maxStableLearningRate)}`;
    this.root.classList.remove('is-error');
    if (isPinned) this.summarize(a);
    this.onAnalysis(a);
  }

  /** The pinned point's readout beside the map: where, what kind, and the numbers that say so. */
  summarize(a) {
    if (!this.summary) return;
    const words = describe(a);
    const kind = document.createElement('strong');
    kind.className = `kind ${words.css}`;
    kind.textContent = words.label;
    const facts = document.createElement('span');
    facts.className = 'tap-facts';
    facts.textContent = `f ${num(a.value)} · |∇f| ${num(a.gradientNorm)} · λ₁ ${num(a.eigenvalues[0])} · λ₂ ${num(a.eigenvalues[1])}`;
    const meaning = document.createElement('span');
    meaning.className = 'tap-meaning';
    meaning.textContent = words.meaning;
    this.summary.replaceChildren(`${point(a.at.x, a.at.y)} `, kind, ' ', facts, meaning);
    this.summary.hidden = false;
  }

  showError(message) {
    this.shownKey = null;
    if (this.summary && this.pinned && this.wanted === this.pinned) {
      this.summary.textContent = message;
      this.summary.hidden = false;
    }
    this.fields.where.textContent = message;
    this.fields.kind.textContent = '';
    this.root.classList.add('is-error');
    this.onAnalysis(null);
  }
}
