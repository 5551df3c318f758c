// The map's window [x0, x1, y0, y1] as a value: the one check every way of setting it goes through
// (typed, from a link, the +/− buttons, the wheel, a drag, a pinch), and the zoom and pan that keep
// a chosen world point under the pointer. Pure: no DOM, no requests.

import { num } from './format.js';

/**
 * The page's bounds on a window. The API takes any finite window, but far outside these the picture
 * says nothing: a span of 1e-300 is below what the surface's doubles resolve, 1e300 overflows every
 * surface, and a window 1000 times wider than tall draws as a line.
 */
export const LIMITS = Object.freeze({
  minSpan: 1e-6,   // each side at least this long
  maxAbs: 1e6,     // every edge within ±maxAbs
  maxAspect: 20,   // width / height (and height / width) at most this
});

/** A value in a message: as typed, to ten digits ("-1000001", "1e-300", "1e300"). */
const short = (v) => String(Number(v.toPrecision(10))).replace('e+', 'e');

/**
 * Null when `w` is a window the map can show, else one sentence saying what is wrong, naming the
 * window and the offending value ("the window's x range must be at least 1e-6 long, got 1e-300").
 * NaN fails every check.
 */
export function problem(w) {
  if (!Array.isArray(w) || w.length !== 4 || !w.every(Number.isFinite)) {
    return 'the window takes four numbers: x from, x to, y from, y to';
  }
  const [x0, x1, y0, y1] = w;
  if (!(x0 < x1)) return `the window's x "from" must be below its "to", got ${short(x0)} to ${short(x1)}`;
  if (!(y0 < y1)) return `the window's y "from" must be below its "to", got ${short(y0)} to ${short(y1)}`;
  for (const v of w) {
    if (!(Math.abs(v) <= LIMITS.maxAbs)) return `the window must lie within ±${num(LIMITS.maxAbs)}, got ${short(v)}`;
  }
  const width = x1 - x0, height = y1 - y0;
  if (!(width >= LIMITS.minSpan)) return `the window's x range must be at least ${num(LIMITS.minSpan)} long, got ${short(width)}`;
  if (!(height >= LIMITS.minSpan)) return `the window's y range must be at least ${num(LIMITS.minSpan)} long, got ${short(height)}`;
  const aspect = Math.max(width / height, height / width);
  if (!(aspect <= LIMITS.maxAspect)) {
    return `the window must be at most ${LIMITS.maxAspect} times wider than tall (or taller than wide), got ${Number(aspect.toPrecision(3))}`;
  }
  return null;
}

/** "x from, x to, y from, y to" as typed → a window, or {error} when it is not one. */
export function parse(text) {
  const parts = String(text).split(',').map((t) => t.trim());
  // Number('') is 0: an empty part is a missing number, not a zero.
  const w = parts.map((t) => (t === '' ? NaN : Number(t)));
  const error = problem(w);
  return error ? { error } : { window: w };
}

/**
 * The window scaled by `factor` (0.5 zooms in twice) about the world point `at` ([x, y]), which keeps
 * its place on screen: x' = a + (x − a)·factor, the same for y. Without `at`, about the centre.
 */
export function zoomed(w, factor, at = null) {
  const [x0, x1, y0, y1] = w;
  const ax = at ? at[0] : (x0 + x1) / 2, ay = at ? at[1] : (y0 + y1) / 2;
  return [ax + (x0 - ax) * factor, ax + (x1 - ax) * factor, ay + (y0 - ay) * factor, ay + (y1 - ay) * factor];
}

/** The window moved by (dx, dy) world units. */
export function panned(w, dx, dy) {
  return [w[0] + dx, w[1] + dx, w[2] + dy, w[3] + dy];
}

// A gesture meeting a bound stops on it rather than short of it. The margin keeps the window
// inside the bounds once tidy() has rounded it.
const SNUG = 1 + 1e-4;

/**
 * zoomed(w, factor, at) with the factor held to what the bounds allow: no side shorter than
 * minSpan, no edge beyond ±maxAbs (`at` inside the window and w within bounds). Returns
 * { window, limited } — limited when the bounds cut the zoom short.
 */
export function zoomedWithin(w, factor, at = null) {
  const [x0, x1, y0, y1] = w;
  const ax = at ? at[0] : (x0 + x1) / 2, ay = at ? at[1] : (y0 + y1) / 2;
  let f = factor;
  // zooming in: the shorter side s·f ≥ minSpan
  f = Math.max(f, (LIMITS.minSpan * SNUG) / Math.min(x1 - x0, y1 - y0));
  // zooming out: each edge a + (e − a)·f stays within ±maxAbs
  const m = LIMITS.maxAbs / SNUG;
  for (const [e, a] of [[x0, ax], [x1, ax], [y0, ay], [y1, ay]]) {
    if (e > a) f = Math.min(f, (m - a) / (e - a));
    else if (e < a) f = Math.min(f, (m + a) / (a - e));
  }
  return { window: zoomed(w, f, at), limited: f !== factor };
}

/** panned(w, dx, dy) held so every edge stays within ±maxAbs; { window, limited } as zoomedWithin. */
export function pannedWithin(w, dx, dy) {
  const m = LIMITS.maxAbs / SNUG;
  const cx = Math.min(m - w[1], Math.max(-m - w[0], dx));
  const cy = Math.min(m - w[3], Math.max(-m - w[2], dy));
  return { window: panned(w, cx, cy), limited: cx !== dx || cy !== dy };
}

/**
 * A window for the address bar and the field: each edge rounded to a hundred-thousandth of its
 * side's length ("-2" rather than "-2.0000000000000004"), which moves the picture by far less than
 * a pixel.
 */
export function tidy(w) {
  const round = (v, span) => {
    const decimals = Math.max(0, Math.min(20, Math.ceil(-Math.log10(span / 1e5))));
    return Number(v.toFixed(decimals));
  };
  const sx = w[1] - w[0], sy = w[3] - w[2];
  return [round(w[0], sx), round(w[1], sx), round(w[2], sy), round(w[3], sy)];
}

/** Whether two windows are the same. */
export function same(a, b) {
  return !!a && !!b && a.every((v, i) => v === b[i]);
}
