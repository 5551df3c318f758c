// The map's reader: the landscape view (picture, start, paths, the inspector's eigenvectors), the
// 3-D view, the colour bar, the window's controls, the start's fields and the examples beside the
// map, redrawn from the lab's store once per frame. A new picture, start or race is handed over
// only when it is new (Seen); the overlay is redrawn on every frame the store changed.

import { num } from './format.js';
import * as mapWindow from './mapWindow.js';
import { Seen } from './labStore.js';

/**
 * @param {object} o
 * @param {import('./landscapeView.js').LandscapeView} o.view
 * @param {import('./view3dToggle.js').View3dToggle} o.view3d
 * @param {import('./colorbar.js').Colorbar} o.colorbar
 * @param {import('./inspector.js').Inspector} o.inspector  asks for the start's analysis when the start moves
 * @param {import('./stepMode.js').StepMode} o.stepMode
 * @param {import('./dataPanel.js').DataPanel} o.dataPanel
 * @param {import('./playback.js').Playback} o.playback  the race shown, at the step shown
 * @param {(id: string) => HTMLElement} o.$
 */
export function mapReader({ view, view3d, colorbar, inspector, stepMode, dataPanel, playback, $ }) {
  const seen = new Seen();
  return (state, results) => {
    if (!results.land) return; // nothing loaded yet
    if (seen.differs('land', results.land)) showLandscape(results.land);
    $('zoom-reset').disabled = state.window === null;
    const windowError = results.windowError;
    $('window-error').textContent = windowError ? windowError.text : '';
    if (windowError) $('window-input').setAttribute('aria-invalid', 'true'); else $('window-input').removeAttribute('aria-invalid');
    if (seen.differs('windowError', windowError) && windowError?.refused) view.revert(); // back to the picture it has

    if (seen.differs('data', results.surface.data)) dataPanel.setData(results.surface.data);
    // each load starts the inspector afresh (it unpins: a point of the last surface), then the start
    const loaded = seen.differs('loads', results.loads);
    if (loaded) inspector.setSurface(state.surface);
    if (seen.differs('start', String(state.start)) || loaded) {
      $('start-x').value = String(state.start[0]);
      $('start-y').value = String(state.start[1]);
      view.scene.start = state.start;
      view3d.setStart(state.start);
      inspector.setStart(state.start); // its analysis, once in, marks the store changed (2/λmax on the cards)
    }
    view.scene.inspect = results.inspect;
    view.scene.pin = results.pin;

    const tracks = playback.tracks;
    if (seen.differs('tracks', tracks)) {
      view.scene.racers = tracks;
      view3d.setTracks(tracks);
      // hovering reads any race shown; without one, step mode has nothing to take apart
      if (playback.loaded) stepMode.setHoverTracks(tracks); else stepMode.clear();
    }
    if ((state.view === '3d') !== view3d.on) view3d.set(state.view === '3d');
    dataPanel.setTracks(tracks);
    view3d.frame();
    stepMode.frame();
    view.drawOverlayNow();
  };

  /** The picture on the map, the 3-D view and the colour bar: the surface's own window or another. */
  function showLandscape(land) {
    view.setLandscape(land);
    view3d.setLandscape(land);
    colorbar.setData(land);
    colorbar.draw();
    $('scale-kind').textContent = land.scale && land.scale.log ? '(log scale)' : '';
    const w = land.window;
    $('window-input').value = w.map((v) => num(v, 4)).join(', ');
    // the buttons stop where the bounds do (mapWindow.LIMITS)
    $('zoom-in').disabled = mapWindow.problem(mapWindow.zoomed(w, 0.5)) !== null;
    $('zoom-out').disabled = mapWindow.problem(mapWindow.zoomed(w, 2)) !== null;
  }
}
