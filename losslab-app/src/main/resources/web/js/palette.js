// The lab's data colours, read from /static/palette.json: the one file the Java plots read too
// (Palette.java), so the page and a PNG colour a surface, a racer or a basin alike. The file says
// which colours and why; this module turns them into what the drawing code uses. Every module that
// draws data colours imports them from here, none keeps a copy.
//
// The top-level await holds back every module that imports this one until the colours are here, so
// nothing can draw with a colour it does not have yet.

const PALETTE = await loadPalette();

async function loadPalette() {
  const response = await fetch('/static/palette.json');
  if (!response.ok) throw new Error(`cannot draw without colours: /static/palette.json answered ${response.status}`);
  return response.json();
}

/** [r, g, b] of a '#rrggbb' colour. */
export function rgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** True for colours dark enough to need white text. */
export function isDark(hex) {
  const [r, g, b] = rgb(hex);
  return 0.299 * r + 0.587 * g + 0.114 * b < 120;
}

/** Viridis: r, g, b of shade s (0 lowest loss, 255 highest) at VIRIDIS[3s], VIRIDIS[3s + 1], VIRIDIS[3s + 2]. */
export const VIRIDIS = new Uint8Array(256 * 3);
PALETTE.viridis.table.forEach((hex, s) => VIRIDIS.set(rgb(hex), 3 * s));

/** CSS colour of a viridis shade, for the places that need a string. */
export function viridisCss(shade) {
  return `rgb(${VIRIDIS[3 * shade]}, ${VIRIDIS[3 * shade + 1]}, ${VIRIDIS[3 * shade + 2]})`;
}

/** Drawn where f is undefined (shade -1). */
export const UNDEFINED_RGB = rgb(PALETTE.undefined.color);

const spareAssigned = new Map();

/**
 * One colour per optimizer; a name the palette does not know takes the next spare colour. A racer
 * id "name:k" (the same optimizer raced again) takes its optimizer's colour, lighter for k = 2, darker
 * for k = 3, and so on alternately: the same family, told apart at a glance.
 */
export function racerColor(id) {
  const colon = id.indexOf(':');
  if (colon > 0) return shade(racerColor(id.slice(0, colon)), Number(id.slice(colon + 1)));
  const name = id;
  const known = PALETTE.racers.colors[name];
  if (known) return known;
  const spare = PALETTE.racers.spare;
  if (!spareAssigned.has(name)) spareAssigned.set(name, spare[spareAssigned.size % spare.length]);
  return spareAssigned.get(name);
}

/** Instance k ≥ 2 of a colour: mixed with white (even k) or black (odd k), more with each pair. */
function shade(hex, k) {
  const amount = Math.min(0.6, 0.4 + 0.1 * Math.floor((k - 2) / 2));
  const toward = k % 2 === 0 ? 255 : 0;
  const mixed = rgb(hex).map((c) => Math.round(c + (toward - c) * amount));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

export const UNCONVERGED_COLOR = PALETTE.outcomes.unconverged;
export const DIVERGED_COLOR = PALETTE.outcomes.diverged;

export const SADDLE_COLOR = PALETTE.outcomes.saddle;
export const MAXIMUM_COLOR = PALETTE.outcomes.maximum;

/** The colour of basin label k (≥ 0 a minimum, -1 diverged, -2 still on its way, -3 saddle, -4 maximum). */
export function basinColor(k) {
  if (k === -1) return DIVERGED_COLOR;
  if (k === -3) return SADDLE_COLOR;
  if (k === -4) return MAXIMUM_COLOR;
  if (k < 0) return UNCONVERGED_COLOR;
  const colors = PALETTE.basins.colors;
  return colors[k % colors.length];
}

/** Theory's regimes on a sweep, by code. */
export const REGIME_COLORS = {
  monotone: PALETTE.regimes.monotone,
  oscillating: PALETTE.regimes.oscillating,
  divergent: DIVERGED_COLOR,
};

/** Sets --unconverged and --diverged on an element, for the stylesheets' inline chips. */
export function setOutcomeColors(element) {
  element.style.setProperty('--unconverged', UNCONVERGED_COLOR);
  element.style.setProperty('--diverged', DIVERGED_COLOR);
}
