// The basin map's legend: one row per listed minimum and per large basin of another local minimum
// (its number, as on the map, where it is, its share of the starts with a bar), the other minima
// summed, then saddles and maxima if any run stuck at one, "still on its way" and "diverged". Each row carries
// data-kind and data-share (in %) for tests and screen readers.

import { basinColor, isDark } from './palette.js';
import { num, point } from './format.js';

function row(kind, color, mark, html, share) {
  const li = document.createElement('li');
  li.dataset.kind = kind;
  li.dataset.share = String(100 * share);
  li.style.setProperty('--basin', color);
  const swatch = document.createElement('span');
  swatch.className = isDark(color) ? 'swatch-box dark' : 'swatch-box';
  swatch.textContent = mark;
  swatch.setAttribute('aria-hidden', 'true');
  const what = document.createElement('span');
  what.className = 'what';
  what.append(...html);
  const value = document.createElement('span');
  value.className = 'share';
  value.textContent = `${(100 * share).toFixed(1)} %`;
  const bar = document.createElement('span');
  bar.className = 'bar';
  bar.setAttribute('aria-hidden', 'true');
  const fill = document.createElement('span');
  fill.style.setProperty('width', `${Math.min(100, 100 * share)}%`);
  bar.append(fill);
  li.append(swatch, what, value, bar);
  return li;
}

function small(text) {
  const s = document.createElement('small');
  s.textContent = text;
  return s;
}

/** The words of one of the answer's legend rows (JsonViews.basinMap, BasinLegend on the server). */
function words(r) {
  switch (r.kind) {
    case 'minimum': return [`Minimum ${r.minimum} at ${point(r.x, r.y, 3)} `, small(r.listed ? `f = ${num(r.value, 3)}` : `f = ${num(r.value, 3)}, a local minimum`)];
    case 'other-minima': return [`${r.count} other local minima `, small('(each a basin of its own)')];
    case 'saddle': return ['Stuck at a saddle ', small('(its stable line: the ridge between basins)')];
    case 'maximum': return ['Stuck at a maximum ', small('(started on it)')];
    case 'unconverged': return ['Still on its way ', small('(steps ran out far from any critical point)')];
    default: return ['Diverged ', small('(blew up)')];
  }
}

/** Fills `list` from a /api/basins answer: the rows the server chose (every listed minimum, the largest other basins, …). */
export function renderLegend(list, map) {
  const rows = map.legend.map((r) => row(r.kind, r.kind === 'other-minima' ? '#dddddd' : basinColor(r.label),
    r.kind === 'minimum' ? String(r.minimum) : '', words(r), r.share));
  list.replaceChildren(...rows);
}
