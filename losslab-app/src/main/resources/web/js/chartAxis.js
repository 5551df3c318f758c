// The charts' shared horizontal axis: steps, or the evaluations of f or of ∇f the runs have cost
// (POST /api/race's fEvals, gEvals per point). Counting evaluations compares methods fairly: a BFGS
// step whose line search tried eight points costs eight, not one, and lands eight units further on.
// The loss chart and the schedule chart draw on one ChartAxis, so they span the same range, follow
// the person's steps together in step mode, and put their plots' left and right edges at the same
// pixels (MARGIN_LEFT, MARGIN_RIGHT).

/** The choices, by the key the URL keeps (`chart-x=f-evals`, docs/API.md): steps is the default. */
export const X_KINDS = {
  steps: { label: 'step', per: 'step', unit: (n) => `step ${n}` },
  'f-evals': { label: 'f evaluations', per: 'f evaluation', unit: (n) => `${n} f eval${n === 1 ? '' : 's'}` },
  'g-evals': { label: '∇f evaluations', per: '∇f evaluation', unit: (n) => `${n} ∇f eval${n === 1 ? '' : 's'}` },
};

export const MARGIN_LEFT = 52;
export const MARGIN_RIGHT = 12;
const FOLLOW_MIN = 5; // while stepping, the axis spans at least this many units

export class ChartAxis {
  constructor() {
    this.kind = 'steps';
    this.tracks = [];
    this.max = 1;
    /** Step mode: the axis follows the points shown instead of spanning the whole race. */
    this.follow = false;
    /** Where the person points (hover, or the readout's arrow keys), in axis units; null when nowhere. */
    this.cursor = null;
  }

  /** A new race (or none): the axis spans the complete runs. */
  setTracks(tracks) {
    this.tracks = tracks;
    this.follow = false;
    this.cursor = null;
    this.measure();
  }

  /** Steps, f or ∇f evaluations on the axis; unknown kinds fall back to steps. */
  setKind(kind) {
    this.kind = X_KINDS[kind] ? kind : 'steps';
    this.cursor = null;
    this.measure();
  }

  measure() {
    let max = 1;
    for (const t of this.tracks) {
      const x = this.of(t)[t.last];
      if (x > max) max = x;
    }
    this.max = max;
  }

  /** A track's positions along the axis, one per point. */
  of(t) {
    return this.kind === 'f-evals' ? t.fEvals : this.kind === 'g-evals' ? t.gEvals : t.steps;
  }

  /** The axis' name under its ticks: "step", "f evaluations". */
  get label() {
    return X_KINDS[this.kind].label;
  }

  /** One unit of it, for headings: "Loss per f evaluation". */
  get per() {
    return X_KINDS[this.kind].per;
  }

  /** "step 12", "37 f evals": a position in words. */
  unit(n) {
    return X_KINDS[this.kind].unit(n);
  }

  /**
   * The axis' right end: the whole race's, or while following, the next 1, 2 or 5 × 10ᵏ at or
   * past the furthest point shown (at least FOLLOW_MIN): from the second step on, the latest
   * point sits 40 % or more of the way across.
   */
  span() {
    if (!this.follow) return this.max;
    let at = FOLLOW_MIN;
    for (const t of this.tracks) {
      const x = this.of(t)[t.shown];
      if (x > at) at = x;
    }
    const mag = Math.pow(10, Math.floor(Math.log10(at)));
    const nice = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= at);
    return Math.min(this.max, nice);
  }

  /**
   * The index of a track's point at position x: the last one at or before it, never past the
   * point shown (the charts draw no further); 0 before the first.
   */
  indexAt(t, x) {
    const xs = this.of(t);
    let lo = 0, hi = t.shown;
    if (xs[hi] <= x) return hi;
    while (lo < hi) { // the last index with xs[index] ≤ x, in [0, shown)
      const mid = (lo + hi + 1) >> 1;
      if (xs[mid] <= x) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** The cursor's vertical guide across a plot, when the person points somewhere on the axis. */
  drawCursor(ctx, xPx, top, ph, span) {
    if (this.cursor === null || this.cursor > span) return;
    const x = Math.round(xPx(this.cursor)) + 0.5;
    ctx.strokeStyle = 'rgba(29, 34, 48, 0.55)';
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + ph);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  /** Tick labels under a plot pw pixels wide whose left edge is at `left`, and the axis' name. */
  drawTicks(ctx, xPx, left, pw, top, span) {
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#4b5563';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const raw = span / Math.max(2, Math.round(pw / 90));
    const mag = Math.pow(10, Math.floor(Math.log10(Math.max(1, raw))));
    // a quarter more labels than asked rather than half as many: 0, 100, 200, 300 for 301 evaluations
    const stride = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw * 0.75) || mag * 10;
    const edge = left + pw + MARGIN_RIGHT - 1; // the canvas' right edge: "1000" under the last tick must not be cut
    for (let s = 0; s <= span; s += stride) {
      const text = String(s);
      const x = xPx(s);
      const half = ctx.measureText(text).width / 2;
      if (x + half > edge) {
        ctx.textAlign = 'right';
        ctx.fillText(text, edge, top + 6);
        ctx.textAlign = 'center';
      } else {
        ctx.fillText(text, x, top + 6);
      }
    }
    ctx.textAlign = 'right';
    ctx.fillText(this.label, left + pw, top + 18);
  }
}

/** A ring on the point the cursor reads: the racer's colour inside a dark and a white ring. */
export function marker(ctx, color, x, y) {
  ctx.beginPath();
  ctx.arc(x, y, 4.5, 0, 2 * Math.PI);
  ctx.fillStyle = color;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#1d2230';
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(x, y, 6, 0, 2 * Math.PI);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1.5;
  ctx.stroke();
}
