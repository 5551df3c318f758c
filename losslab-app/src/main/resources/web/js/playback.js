// The race's clock. /api/race computes every trajectory once per Run; playback only reveals
// them, advancing a cursor (in steps) at `stepsPerSecond` of wall-clock time. Each racer's
// trajectory is kept as typed arrays (NaN where the API sent null) so drawing loops stay plain.

/** One racer's computed run, as arrays. */
export class Track {
  constructor(name, color, run) {
    const pts = run.points;
    const n = pts.length;
    this.name = name;
    this.color = color;
    this.run = run;                    // stop, minimumReached, spec: read once at the end
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    this.loss = new Float64Array(n);
    this.steps = new Int32Array(n);
    this.lr = new Float64Array(n);     // the lr of the update that led to each point (step 0: the base lr)
    this.fEvals = new Int32Array(n);   // evaluations of f and ∇f the run has cost up to each point
    this.gEvals = new Int32Array(n);
    /** μ or β₁ of each update when the schedule cycles it, else null. */
    this.momentum = n > 0 && pts[0].momentum !== undefined ? new Float64Array(n) : null;
    for (let i = 0; i < n; i++) {
      const p = pts[i];
      this.xs[i] = p.x ?? NaN;
      this.ys[i] = p.y ?? NaN;
      this.loss[i] = p.loss ?? NaN;
      this.steps[i] = p.step;
      this.lr[i] = p.lr ?? NaN;
      this.fEvals[i] = p.fEvals;
      this.gEvals[i] = p.gEvals;
      if (this.momentum) this.momentum[i] = p.momentum ?? NaN;
    }
    this.last = n - 1;
    this.shown = 0;                    // index of the point the ball is on
  }
}

export class Playback {
  /** @param {(tracks: Track[], done: boolean) => void} onFrame called when a shown index changes */
  constructor(onFrame) {
    this.onFrame = onFrame;
    this.tracks = [];
    this.cursor = 0;
    this.playing = false;
    this.stepsPerSecond = 120;
    this.lastTime = 0;
    this.tick = this.tick.bind(this);
  }

  get length() {
    let m = 0;
    for (const t of this.tracks) if (t.last > m) m = t.last;
    return m;
  }

  get loaded() {
    return this.tracks.length > 0;
  }

  get finished() {
    return this.loaded && this.cursor >= this.length;
  }

  load(tracks) {
    this.tracks = tracks;
    this.cursor = 0;
    this.apply();
  }

  clear() {
    this.pause();
    this.tracks = [];
    this.cursor = 0;
  }

  play() {
    if (!this.loaded) return;
    if (this.finished) this.cursor = 0;
    if (this.playing) return;
    this.playing = true;
    this.lastTime = performance.now();
    requestAnimationFrame(this.tick);
  }

  pause() {
    this.playing = false;
  }

  step() {
    this.pause();
    if (!this.loaded || this.finished) return;
    this.cursor = Math.floor(this.cursor) + 1;
    this.apply();
  }

  rewind() {
    this.pause();
    this.cursor = 0;
    this.apply();
  }

  /** Jumps to `step` (the timeline's scrubber), paused there. */
  seek(step) {
    this.pause();
    if (!this.loaded) return;
    this.cursor = Math.max(0, Math.min(this.length, Math.floor(step)));
    this.apply();
    // apply() reports only a changed frame; a seek always shows where it landed (Pause, the readouts)
    this.onFrame(this.tracks, this.finished);
  }

  tick(now) {
    if (!this.playing) return;
    // A hidden tab must not jump ahead; and the first frame's timestamp (when the frame began) may
    // come before play() read the clock: a step back in time would put the cursor before step 0
    // (three.js then drew -18 instances: GL_INVALID_VALUE on each Run).
    const dt = Math.max(0, Math.min(0.1, (now - this.lastTime) / 1000));
    this.lastTime = now;
    this.cursor = Math.min(this.length, this.cursor + dt * this.stepsPerSecond);
    // Stopped before the last frame is shown, so that what the frame updates (Pause) sees it stopped.
    if (this.finished) this.playing = false;
    this.apply();
    if (this.playing) requestAnimationFrame(this.tick);
  }

  apply() {
    const at = Math.floor(this.cursor);
    let changed = false;
    for (const t of this.tracks) {
      const shown = at < t.last ? at : t.last;
      if (shown !== t.shown) { t.shown = shown; changed = true; }
    }
    if (changed || at === 0 || this.finished) this.onFrame(this.tracks, this.finished);
  }
}
