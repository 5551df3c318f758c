// "Tap the map to:" on touch screens, where nothing hovers: a tap moves the start, or pins the
// inspector (and step mode's readout of a trail point there) to the point tapped. The pinned point
// is the store's (results.pin), which the map's reader draws.

import { coordinate } from './format.js';

export class TapMode {
  /**
   * @param {object} o
   * @param {import('./labStore.js').LabStore} o.store
   * @param {import('./inspector.js').Inspector} o.inspector
   * @param {import('./stepMode.js').StepMode} o.stepMode
   * @param {HTMLElement} o.readout  says what a tap does, then what the pinned point is
   * @param {NodeListOf<HTMLInputElement>} o.radios  the switch: "start" or "inspect"
   */
  constructor({ store, inspector, stepMode, readout, radios }) {
    Object.assign(this, { store, inspector, stepMode, readout });
    this.inspects = false;
    for (const r of radios) r.addEventListener('change', () => { if (r.checked) this.set(r.value === 'inspect'); });
  }

  /** Taps inspect (true) or move the start (false); leaving inspection unpins its point. */
  set(inspect) {
    this.inspects = inspect;
    this.pin(null);
    if (inspect) {
      this.readout.textContent = 'Tap any point of the map to read its loss, slope and curvature here.';
      this.readout.hidden = false;
    }
  }

  /** Pins the readouts to p, rounded to the window `w` it was tapped on (null unpins). */
  pin(p, w = null) {
    const at = p && w ? [coordinate(p[0], w[1] - w[0]), coordinate(p[1], w[3] - w[2])] : p;
    this.store.results.pin = at;
    this.store.changed();
    this.inspector.setPinned(at);
    this.stepMode.hover(at);
  }
}
