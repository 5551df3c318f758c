// The training data of two features, one mark per example with a shape per class, and each racer's
// decision boundary in its colour: the lines where its network switches from one class to another
// (computed on the server, core DecisionMap: at a recent step while training, after the racer's last
// step when it ends). Like the lab's data panel (dataPanel.js) it only draws what the server sent.

import { cssContext, sizeCanvas } from './plotFrame.js';
import { MARGIN, drawGrid } from './dataPanel.js';

const MARK = '#3b4252';
const SIZE = 3; // a mark's half-width in CSS pixels
const MAX_HEIGHT = 420;

/** The shape of class k's marks: filled circle, ring, triangle, square, diamond, cross, then again. */
export const SHAPES = ['●', '○', '▲', '■', '◆', '✕'];

export class BoundaryPanel {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
    this.data = null;
    this.racers = [];
    new ResizeObserver(() => this.draw()).observe(canvas.parentElement);
  }

  /**
   * @param {object|null} data  the job's data: window, x, y, labels, features (null: nothing to draw)
   * @param {{color: string, boundary?: number[][]}[]} racers  each racer's boundary polylines, if any
   */
  set(data, racers) {
    this.data = data && data.window ? data : null;
    this.racers = racers;
    this.draw();
  }

  draw() {
    const { data, canvas } = this;
    // no data to draw (yet, or ever: more than two features): no blank picture either
    canvas.hidden = !data;
    const widCss = Math.floor(canvas.parentElement.clientWidth);
    if (!data || widCss <= 0) {
      canvas.dataset.lines = '0';
      return;
    }
    const [x0, x1, y0, y1] = data.window;
    const plotW = widCss - MARGIN.left - MARGIN.right;
    // keep the data's aspect (one unit across is one unit up), within a height a screen shows
    const plotH = Math.min(MAX_HEIGHT, Math.round(plotW * (y1 - y0) / (x1 - x0)));
    const usedW = Math.min(plotW, Math.round(plotH * (x1 - x0) / (y1 - y0)));
    sizeCanvas(canvas, usedW + MARGIN.left + MARGIN.right, plotH + MARGIN.top + MARGIN.bottom);
    const ctx = cssContext(canvas);
    ctx.clearRect(0, 0, usedW + MARGIN.left + MARGIN.right, plotH + MARGIN.top + MARGIN.bottom);
    const px = (x) => MARGIN.left + ((x - x0) / (x1 - x0)) * usedW;
    const py = (y) => MARGIN.top + (1 - (y - y0) / (y1 - y0)) * plotH;
    this.axes(ctx, px, py, usedW, plotH);

    ctx.lineWidth = 1.2;
    for (let i = 0; i < data.x.length; i++) {
      mark(ctx, data.labels[i], px(data.x[i]), py(data.y[i]));
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(MARGIN.left, MARGIN.top, usedW, plotH);
    ctx.clip();
    let lines = 0;
    for (const r of this.racers) {
      if (!r.boundary) continue;
      // a white halo under each line keeps it readable over the marks
      for (const [style, width] of [['rgba(255,255,255,0.9)', 5], [r.color, 2.5]]) {
        ctx.strokeStyle = style;
        ctx.lineWidth = width;
        ctx.lineJoin = 'round';
        for (const line of r.boundary) {
          ctx.beginPath();
          for (let k = 0; k + 1 < line.length; k += 2) {
            if (k === 0) ctx.moveTo(px(line[k]), py(line[k + 1]));
            else ctx.lineTo(px(line[k]), py(line[k + 1]));
          }
          ctx.stroke();
        }
      }
      lines += r.boundary.length;
    }
    ctx.restore();
    // how many boundary polylines are drawn, for tests and tools
    canvas.dataset.lines = String(lines);
  }

  axes(ctx, px, py, plotW, plotH) {
    drawGrid(ctx, this.data.window, px, py, plotW, plotH);
    ctx.strokeStyle = '#9ca3af';
    ctx.strokeRect(MARGIN.left - 0.5, MARGIN.top - 0.5, plotW + 1, plotH + 1);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(this.data.features[0], MARGIN.left + plotW / 2, MARGIN.top + plotH + MARGIN.bottom);
    ctx.save();
    ctx.translate(11, MARGIN.top + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(this.data.features[1], 0, 0);
    ctx.restore();
  }
}

/** Class k's mark at (x, y): the shape SHAPES[k] names. */
function mark(ctx, k, x, y) {
  const s = SIZE;
  ctx.fillStyle = MARK;
  ctx.strokeStyle = MARK;
  ctx.beginPath();
  switch (k % SHAPES.length) {
    case 0: ctx.arc(x, y, s, 0, 2 * Math.PI); ctx.fill(); return;
    case 1: ctx.arc(x, y, s, 0, 2 * Math.PI); ctx.stroke(); return;
    case 2: ctx.moveTo(x, y - s - 1); ctx.lineTo(x + s + 0.5, y + s); ctx.lineTo(x - s - 0.5, y + s); ctx.closePath(); ctx.fill(); return;
    case 3: ctx.rect(x - s, y - s, 2 * s, 2 * s); ctx.fill(); return;
    case 4: ctx.moveTo(x, y - s - 1); ctx.lineTo(x + s + 1, y); ctx.lineTo(x, y + s + 1); ctx.lineTo(x - s - 1, y); ctx.closePath(); ctx.fill(); return;
    default: ctx.moveTo(x - s, y - s); ctx.lineTo(x + s, y + s); ctx.moveTo(x + s, y - s); ctx.lineTo(x - s, y + s); ctx.stroke();
  }
}
