// Canvas bookkeeping shared by the landscape and the chart, uPlot-style: sizes in CSS pixels
// (widCss, heiCss) and device pixels (wid, hei) named apart; the backing store sized by
// devicePixelRatio so lines stay crisp; drawing code works in CSS pixels via setTransform.

/**
 * Sizes a canvas to widCss × heiCss CSS pixels at the current devicePixelRatio. Returns true when
 * the backing store changed (and so must be redrawn), false when nothing changed (no DOM write).
 */
export function sizeCanvas(canvas, widCss, heiCss) {
  const dpr = window.devicePixelRatio || 1;
  const wid = Math.max(1, Math.round(widCss * dpr));
  const hei = Math.max(1, Math.round(heiCss * dpr));
  if (canvas.width === wid && canvas.height === hei && canvas._dpr === dpr) return false;
  canvas.width = wid;
  canvas.height = hei;
  canvas._dpr = dpr;
  canvas.style.width = `${widCss}px`;
  canvas.style.height = `${heiCss}px`;
  return true;
}

/** A 2-D context drawing in CSS pixels on a canvas sized by sizeCanvas. */
export function cssContext(canvas) {
  const ctx = canvas.getContext('2d');
  const dpr = canvas._dpr || 1;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * "Nice" tick positions (1, 2 or 5 × 10^k apart) covering [lo, hi] with about `count` ticks.
 * Pure axis labelling; returns a plain array.
 */
export function niceTicks(lo, hi, count) {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const norm = raw / mag;
  const step = (norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10) * mag;
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return ticks;
}

/**
 * The map between a world window [x0, x1] × [y0, y1] and a plot rectangle in CSS pixels
 * (y grows downwards on screen, upwards in the world). Mutated in place on resize.
 */
export class Frame {
  constructor() {
    this.x0 = 0; this.x1 = 1; this.y0 = 0; this.y1 = 1;
    this.leftCss = 0; this.topCss = 0; this.widCss = 1; this.heiCss = 1;
  }

  setWindow(w) {
    this.x0 = w[0]; this.x1 = w[1]; this.y0 = w[2]; this.y1 = w[3];
  }

  setPlot(leftCss, topCss, widCss, heiCss) {
    this.leftCss = leftCss; this.topCss = topCss; this.widCss = widCss; this.heiCss = heiCss;
  }

  xPx(xWorld) {
    return this.leftCss + ((xWorld - this.x0) / (this.x1 - this.x0)) * this.widCss;
  }

  yPx(yWorld) {
    return this.topCss + (1 - (yWorld - this.y0) / (this.y1 - this.y0)) * this.heiCss;
  }

  xWorld(xPx) {
    return this.x0 + ((xPx - this.leftCss) / this.widCss) * (this.x1 - this.x0);
  }

  yWorld(yPx) {
    return this.y0 + (1 - (yPx - this.topCss) / this.heiCss) * (this.y1 - this.y0);
  }

  /** Pixels per world unit along x (equal to y's when the plot keeps the window's aspect). */
  scale() {
    return this.widCss / (this.x1 - this.x0);
  }

  inside(xPx, yPx) {
    return xPx >= this.leftCss && xPx <= this.leftCss + this.widCss
      && yPx >= this.topCss && yPx <= this.topCss + this.heiCss;
  }
}
