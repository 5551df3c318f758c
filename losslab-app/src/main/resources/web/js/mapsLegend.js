// The basin map's legend: one row per known minimum (its number, as on the map, where it is, its
// share of the starts with a bar), then "did not converge" and "diverged". Each row carries
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

/** Fills `list` from a /api/basins answer. */
export function renderLegend(list, map) {
  const rows = map.minima.map((m, k) => row('minimum', basinColor(k), String(k + 1),
    [`Minimum ${k + 1} at ${point(m.x, m.y, 3)} `, small(`f = ${num(m.value, 3)}`)], map.shares[k].share));
  rows.push(row('unconverged', basinColor(-2), '', ['Did not converge ', small('(steps ran out)')], map.unconverged));
  rows.push(row('diverged', basinColor(-1), '', ['Diverged ', small('(blew up)')], map.diverged));
  list.replaceChildren(...rows);
}
