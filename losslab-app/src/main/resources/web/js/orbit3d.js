// Turning the 3-D view: a camera on a sphere around the surface's centre, moved by mouse, touch and
// keys. Our own small controller instead of three's OrbitControls, which imports the bare name
// 'three' and so would need an inline import map, which the page's CSP (script-src 'self') forbids.
//
// One finger or the mouse drags to turn (left-right spins, up-down tilts), the wheel or a pinch
// zooms, double-click or double-tap resets, and with the focus on the canvas the arrow keys turn
// and + / − zoom. The controller only keeps three numbers; surface3d.js places the camera from them.

const DEG = Math.PI / 180;

/** Tilt limits: never below the horizon (the surface would be seen edge-on), never quite overhead. */
const MIN_ELEVATION = 8 * DEG;
const MAX_ELEVATION = 88 * DEG;
const MIN_DISTANCE = 0.35;
const MAX_DISTANCE = 3;

export class OrbitController {
  /**
   * @param {HTMLElement} element  receives the pointer, wheel and key events
   * @param {object} o
   * @param {number} o.azimuth     default spin, radians (0: looking along +y of the map, x to the right)
   * @param {number} o.elevation   default tilt above the horizon, radians
   * @param {() => void} o.onChange called whenever the view moved
   */
  constructor(element, { azimuth, elevation, onChange }) {
    this.element = element;
    this.defaults = { azimuth, elevation };
    this.onChange = onChange;
    this.pointers = new Map(); // pointerId → {x, y}
    this.pinch = 0;            // finger distance at the last pinch event
    this.reset(false);

    this.listeners = {
      pointerdown: (ev) => this.down(ev),
      pointermove: (ev) => this.move(ev),
      pointerup: (ev) => this.up(ev),
      pointercancel: (ev) => this.up(ev),
      wheel: (ev) => this.wheel(ev),
      dblclick: () => this.reset(),
      keydown: (ev) => this.key(ev),
    };
    for (const [type, fn] of Object.entries(this.listeners)) {
      // wheel must not be passive: it zooms the view instead of scrolling the page
      element.addEventListener(type, fn, type === 'wheel' ? { passive: false } : undefined);
    }
  }

  /** Back to the default view: elevated, so every ball is seen over the hills, not behind them. */
  reset(notify = true) {
    this.azimuth = this.defaults.azimuth;
    this.elevation = this.defaults.elevation;
    this.distance = 1; // times the distance at which the whole box fits
    if (notify) this.onChange();
  }

  /** The direction from the target to the camera, a unit vector in three's axes (y is up). */
  direction() {
    const c = Math.cos(this.elevation);
    return [c * Math.sin(this.azimuth), Math.sin(this.elevation), c * Math.cos(this.azimuth)];
  }

  turn(dAzimuth, dElevation) {
    this.azimuth = (this.azimuth + dAzimuth) % (2 * Math.PI);
    this.elevation = Math.min(MAX_ELEVATION, Math.max(MIN_ELEVATION, this.elevation + dElevation));
    this.onChange();
  }

  zoomBy(factor) {
    this.distance = Math.min(MAX_DISTANCE, Math.max(MIN_DISTANCE, this.distance * factor));
    this.onChange();
  }

  down(ev) {
    if (ev.pointerType === 'mouse' && ev.button !== 0) return;
    try {
      this.element.setPointerCapture(ev.pointerId); // keep turning when the drag leaves the canvas
    } catch {
      // a pointer the browser no longer tracks: the drag still works while it stays on the canvas
    }
    this.pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    this.pinch = this.fingerDistance();
  }

  move(ev) {
    const last = this.pointers.get(ev.pointerId);
    if (!last) return;
    const dx = ev.clientX - last.x, dy = ev.clientY - last.y;
    last.x = ev.clientX;
    last.y = ev.clientY;
    if (this.pointers.size === 1) {
      // dragging across the whole view spins it half a turn; the full height tilts it 90°
      const w = this.element.clientWidth || 1, h = this.element.clientHeight || 1;
      this.turn(-Math.PI * dx / w, 0.5 * Math.PI * dy / h);
    } else if (this.pointers.size === 2) {
      const d = this.fingerDistance();
      if (this.pinch > 0 && d > 0) this.zoomBy(this.pinch / d); // fingers apart: closer
      this.pinch = d;
    }
  }

  up(ev) {
    this.pointers.delete(ev.pointerId);
    this.pinch = this.fingerDistance();
  }

  fingerDistance() {
    if (this.pointers.size !== 2) return 0;
    const [a, b] = [...this.pointers.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  }

  wheel(ev) {
    ev.preventDefault();
    // pixels, lines or pages: about 10 % per notch of an ordinary mouse wheel
    const unit = ev.deltaMode === 1 ? 33 : ev.deltaMode === 2 ? 400 : 1;
    this.zoomBy(Math.exp(ev.deltaY * unit * 0.001));
  }

  key(ev) {
    const step = (ev.shiftKey ? 15 : 5) * DEG;
    const turns = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[ev.key];
    if (turns) {
      ev.preventDefault();
      this.turn(turns[0], turns[1]);
    } else if (ev.key === '+' || ev.key === '=') {
      ev.preventDefault();
      this.zoomBy(1 / 1.15);
    } else if (ev.key === '-' || ev.key === '_') {
      ev.preventDefault();
      this.zoomBy(1.15);
    } else if (ev.key === '0' || ev.key === 'Home') {
      ev.preventDefault();
      this.reset();
    }
  }

  dispose() {
    for (const [type, fn] of Object.entries(this.listeners)) this.element.removeEventListener(type, fn);
    this.pointers.clear();
  }
}
