// The racers' reader: the chips and cards (rebuilt only when the state's racers or settings differ
// from what the cards show, so a field being typed in or a slider being dragged keeps its focus),
// the update rules of the racing optimizers, 2/λmax beside each lr once the start's analysis is
// in, and each card's readout at the step shown (or at the start, before a race).

import { Seen } from './labStore.js';
import { optimizerOf } from './racerIds.js';
import { renderFormulas } from './formulas.js';

/**
 * @param {object} o
 * @param {import('./racerPanel.js').RacerPanel} o.panel
 * @param {import('./inspector.js').Inspector} o.inspector  knows the start's analysis
 * @param {import('./playback.js').Playback} o.playback
 * @param {() => object[]} o.optimizers  the catalog's optimizers
 * @param {HTMLElement} o.rules          where the update rules go
 */
export function racersReader({ panel, inspector, playback, optimizers, rules }) {
  const seen = new Seen();
  return (state, results) => {
    if (!results.surface) return;
    const loaded = seen.differs('loads', results.loads);
    if (loaded) panel.setDefaults(results.surface.info.defaults, results.surface.info.examples);
    // a new surface brings its own defaults, which the cards show in their fields
    const rebuilt = loaded || !panel.shows(state);
    if (rebuilt) panel.render(state);
    renderFormulas(rules, optimizers(), [...new Set(state.optimizers.map(optimizerOf))]);

    const a = inspector.startAnalysis();
    if (a && seen.differs('analysis', a)) panel.setStartAnalysis(a);
    const newStart = seen.differs('ready', a);
    const newRace = seen.differs('race', playback.tracks);
    if (playback.loaded) panel.showFrame(playback.tracks);
    else if (a && (newStart || newRace || rebuilt)) panel.showStart(a.value, state.start); // every card at the start, step 0
  };
}
