// The "3-D" button: swaps the map for the 3-D view (surface3d.js) and back, and keeps the 3-D
// scene fed with what the map shows — the landscape, the start, the race and each playback frame —
// so both always show the same step. The map's reader (mapReader.js) hands those over whether or
// not the 3-D view is open; the scene is built from the latest of them when it opens, and freed (GPU
// memory and context) when it closes. three.js is loaded only the first time the view opens, so the
// 2-D lab never pays for it.

export class View3dToggle {
  /**
   * @param {object} o
   * @param {HTMLButtonElement} o.button  the toggle (aria-pressed)
   * @param {HTMLElement} o.panel         the 3-D view's box (data-testid="view3d"): its data-* report what is drawn
   * @param {HTMLElement} o.host          where the canvas goes, inside the panel
   * @param {HTMLElement} o.message       tells why there is no 3-D view, when there is none
   * @param {HTMLElement} o.mapWrap       the 2-D map, hidden while the 3-D view replaces it
   * @param {(on: boolean) => void} o.onChange  the person switched views (for the URL state)
   * @param {() => void} o.onMapShown     the map is visible again and must lay itself out
   * @param {(widCss: number) => void} o.onResize  the 3-D canvas has this width (the colour bar follows)
   */
  constructor({ button, panel, host, message, mapWrap, onChange, onMapShown, onResize }) {
    Object.assign(this, { button, panel, host, message, mapWrap, onChange, onMapShown, onResize });
    this.on = false;
    this.scene = null;   // a Surface3d while the view is open and WebGL works
    this.token = 0;      // which opening a pending three.js import belongs to
    this.land = null;
    this.start = null;
    this.tracks = [];
    button.addEventListener('click', () => {
      this.set(!this.on);
      this.onChange(this.on);
    });
  }

  setLandscape(land) {
    this.land = land;
    if (this.scene) this.scene.setLandscape(land);
  }

  setStart(start) {
    this.start = start;
    if (this.scene) this.scene.setStart(start);
  }

  setTracks(tracks) {
    this.tracks = tracks;
    if (this.scene) this.scene.setTracks(tracks);
  }

  /** A playback frame (the tracks' shown steps moved). */
  frame() {
    if (this.scene) this.scene.frame();
  }

  /** Whether an event target belongs to the 3-D view (the page's Space key runs the race there too). */
  owns(target) {
    return target instanceof Node && this.panel.contains(target);
  }

  /** Opens or closes the 3-D view; resolves once the scene is drawn (or found impossible). */
  async set(on) {
    const token = ++this.token;
    this.on = on;
    this.button.setAttribute('aria-pressed', String(on));
    this.panel.hidden = !on;
    this.mapWrap.hidden = on;
    this.message.textContent = '';
    if (!on) {
      this.close();
      this.onMapShown();
      return;
    }
    if (this.scene) return;
    this.panel.dataset.state = 'loading';
    let module;
    try {
      module = await import('./surface3d.js');
    } catch (e) {
      if (token === this.token) this.unavailable(`The 3-D view could not be loaded (${e.message}).`);
      return;
    }
    if (token !== this.token) return; // closed (or reopened) while three.js was loading
    try {
      this.scene = new module.Surface3d(this.host, this.panel, this.onResize);
    } catch (e) {
      this.unavailable(e instanceof module.WebGLUnavailable
        ? 'This browser cannot draw WebGL, so there is no 3-D view here. The map shows the same surface and race.'
        : `The 3-D view could not start (${e.message}). The map shows the same surface and race.`);
      return;
    }
    if (this.land) this.scene.setLandscape(this.land);
    this.scene.setStart(this.start);
    this.scene.setTracks(this.tracks);
    this.panel.dataset.state = 'ready';
  }

  close() {
    if (this.scene) {
      this.scene.dispose();
      this.scene = null;
    }
    this.panel.dataset.state = 'off';
  }

  /** No WebGL: say so in the panel and leave the map in place, so the lab still works. */
  unavailable(text) {
    this.close();
    this.panel.dataset.state = 'unavailable';
    this.message.textContent = text;
    this.mapWrap.hidden = false;
    this.onMapShown();
  }
}
