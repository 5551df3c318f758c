// The basin map's picture: each start of the G×G grid as a cell in its basin's colour, the
// landscape's contour lines over it, the minima as numbered circles, and the axes. The contours,
// minima positions and axes come from a LandscapeLayer fed /api/landscape; the cells from
// /api/basins. Cells are a G×G offscreen canvas scaled up without smoothing, so a redraw on
// resize costs one drawImage.

import { cssContext } from './plotFrame.js';
import { basinColor, isDark, rgb } from './palette.js';

export class BasinView {
  /** @param landscape a LandscapeLayer (its contours, minima and axes are drawn; not its colours) */
  constructor(landscape) {
    this.landscape = landscape;
    this.cells = null;   // G×G canvas, row 0 at the top (y1)
    this.grid = 0;
    this.labels = null;
    this.minima = [];
    this.start = null;   // {x, y}: a start to mark (the SGD tab's), or null
  }

  /** Takes a /api/basins answer; nothing is drawn until draw(). */
  setMap(map) {
    const n = map.grid;
    const image = document.createElement('canvas');
    image.width = n;
    image.height = n;
    const ctx = image.getContext('2d');
    const pixels = ctx.createImageData(n, n);
    const rgba = pixels.data;
    const palette = new Map();
    for (let j = 0; j < n; j++) {
      const row = (n - 1 - j) * n; // the API's row 0 is at the bottom
      for (let i = 0; i < n; i++) {
        const k = map.labels[j * n + i];
        let c = palette.get(k);
        if (!c) palette.set(k, (c = rgb(basinColor(k))));
        const o = 4 * (row + i);
        rgba[o] = c[0]; rgba[o + 1] = c[1]; rgba[o + 2] = c[2]; rgba[o + 3] = 255;
      }
    }
    ctx.putImageData(pixels, 0, 0);
    this.cells = image;
    this.grid = n;
    this.labels = map.labels;
    this.showMinima(map.minima, map.listed, map.shares.map((s) => s.share > 0));
  }

  /**
   * The numbered minima to mark: `listed` of them the surface lists (always marked), `reached[k]`
   * whether some run ended at minimum k + 1 (the others are left off: Levi has 543).
   */
  showMinima(minima, listed, reached) {
    this.minima = minima;
    this.listed = listed ?? minima.length;
    this.reached = reached;
  }

  clearMap() {
    this.cells = null;
    this.labels = null;
    this.minima = [];
    this.listed = 0;
    this.reached = [];
  }

  /** The grid cell (i, j) nearest a point in CSS pixels, or null outside the plot. */
  cellAt(frame, xPx, yPx) {
    if (!this.grid || !frame.inside(xPx, yPx)) return null;
    const n = this.grid;
    const i = Math.round(((xPx - frame.leftCss) / frame.widCss) * (n - 1));
    const j = Math.round((1 - (yPx - frame.topCss) / frame.heiCss) * (n - 1));
    return { i, j, label: this.labels[j * n + i] };
  }

  draw(canvas, frame) {
    const ctx = cssContext(canvas);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const { leftCss, topCss, widCss, heiCss } = frame;
    ctx.save();
    ctx.beginPath();
    ctx.rect(leftCss, topCss, widCss, heiCss);
    ctx.clip();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(leftCss, topCss, widCss, heiCss);
    if (this.cells) {
      // Each cell is centred on its start, so the image reaches half a cell past every edge.
      const n = this.grid;
      const cellW = widCss / (n - 1), cellH = heiCss / (n - 1);
      ctx.globalAlpha = 0.78; // semi-transparent: the contours and the paper show through
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(this.cells, leftCss - cellW / 2, topCss - cellH / 2, widCss + cellW, heiCss + cellH);
      ctx.globalAlpha = 1;
    }
    ctx.lineWidth = 1;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = 'rgba(25, 28, 40, 0.42)';
    ctx.beginPath();
    for (const c of this.landscape.contours) {
      for (const p of c.paths) {
        ctx.moveTo(frame.xPx(p[0]), frame.yPx(p[1]));
        for (let k = 2; k < p.length; k += 2) ctx.lineTo(frame.xPx(p[k]), frame.yPx(p[k + 1]));
      }
    }
    ctx.stroke();
    this.drawMinima(ctx, frame);
    if (this.start) this.drawStart(ctx, frame);
    ctx.restore();
    this.landscape.drawAxes(ctx, frame);
  }

  /** The start: a black dot in a white ring, as the lab draws it. */
  drawStart(ctx, frame) {
    const x = frame.xPx(this.start.x), y = frame.yPx(this.start.y);
    ctx.beginPath();
    ctx.arc(x, y, 6, 0, 2 * Math.PI);
    ctx.fillStyle = '#111111';
    ctx.fill();
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  }

  /**
   * Numbered circles: label k's minimum is "k + 1" in the legend too. With a map, the listed minima
   * and those some run reached; when they are many (Rastrigin's 121), the local ones are small dots.
   */
  drawMinima(ctx, frame) {
    const minima = this.minima.length ? this.minima : this.landscape.minima;
    const numbered = this.minima.length > 0;
    const drawn = (k) => !numbered || k < this.listed || this.reached[k];
    const crowded = minima.filter((m, k) => drawn(k)).length > 24;
    ctx.font = '700 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    minima.forEach((m, k) => {
      if (!drawn(k)) return;
      const x = frame.xPx(m.x), y = frame.yPx(m.y);
      if (x < frame.leftCss - 12 || x > frame.leftCss + frame.widCss + 12) return;
      if (y < frame.topCss - 12 || y > frame.topCss + frame.heiCss + 12) return;
      const fill = numbered ? basinColor(k) : '#ffffff';
      if (crowded && k >= this.listed) {
        ctx.beginPath();
        ctx.arc(x, y, 4, 0, 2 * Math.PI);
        ctx.fillStyle = fill;
        ctx.fill();
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = '#111111';
        ctx.stroke();
        return;
      }
      ctx.beginPath();
      ctx.arc(x, y, 10, 0, 2 * Math.PI);
      ctx.fillStyle = fill;
      ctx.fill();
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#111111';
      ctx.stroke();
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#ffffff';
      ctx.beginPath();
      ctx.arc(x, y, 12, 0, 2 * Math.PI);
      ctx.stroke();
      if (numbered) {
        ctx.fillStyle = isDark(fill) ? '#ffffff' : '#111111';
        ctx.fillText(String(k + 1), x, y + 0.5);
      }
    });
  }
}
