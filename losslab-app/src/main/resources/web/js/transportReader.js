// The transport's reader: Run, Pause, Step and Reset, the timeline under the map, the sentence
// under Run (raceRunner.js: only while it is about the race the state describes) and the
// announcement when a race is over, all from the race playback holds and the step it shows.

import { num } from './format.js';
import { Seen } from './labStore.js';
import { showInputError } from './racerPanel.js';

/**
 * @param {object} o
 * @param {import('./playback.js').Playback} o.playback
 * @param {import('./raceRunner.js').RaceRunner} o.runner
 * @param {(id: string) => HTMLElement} o.$
 */
export function transportReader({ playback, runner, $ }) {
  const seen = new Seen();
  return (state, results) => {
    showTimeline();
    // Until the landscape has arrived there is no race to ask for: Run and Step wait for it.
    const ready = Boolean(results.surface);
    $('run').disabled = !ready;
    $('pause').disabled = !playback.playing;
    $('step').disabled = !ready || playback.finished;
    $('reset').disabled = !playback.loaded || playback.cursor === 0;
    if (results.busy) $('run').setAttribute('aria-busy', 'true'); else $('run').removeAttribute('aria-busy');

    const error = runner.sentence();
    const text = error ? error.text : '';
    if ($('race-error').textContent !== text) $('race-error').textContent = text;
    if (seen.differs('error', error) && error?.field) {
      // under the field too, until it is changed
      const input = document.getElementById(`p-${error.racer}-${error.field}`);
      if (input) showInputError(input, error.message);
    }
    if (playback.finished) {
      const parts = playback.tracks.map((t) => `${t.name}: ${t.run.stop.reason} at step ${t.run.stop.step}, loss ${num(t.loss[t.last])}`);
      const over = `Race over. ${parts.join('. ')}.`;
      if ($('race-live').textContent !== over) $('race-live').textContent = over;
    }
  };

  /** The scrubber follows the race: its range is the longest run, its thumb the step shown. */
  function showTimeline() {
    const timeline = $('timeline');
    const length = playback.length;
    const at = Math.floor(playback.cursor);
    timeline.disabled = !playback.loaded;
    if (timeline.max !== String(length)) timeline.max = String(length);
    if (timeline.value !== String(at)) timeline.value = String(at);
    const out = playback.loaded
      ? `${at} of ${length}${playback.playing ? '' : playback.finished ? ' · the end' : ' · paused'}`
      : 'press Run';
    if ($('timeline-out').textContent !== out) $('timeline-out').textContent = out;
  }
}
