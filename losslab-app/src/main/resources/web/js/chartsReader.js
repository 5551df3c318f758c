// The charts' reader: the loss chart, the schedule chart and their readout share one horizontal
// axis (steps, f or ∇f evaluations: the state's chartX) and show the race playback holds, up to the
// step shown. Before a race the schedule chart shows which racers will follow a schedule.

import { Seen } from './labStore.js';

/**
 * @param {object} o
 * @param {import('./chartAxis.js').ChartAxis} o.axis
 * @param {import('./lossChart.js').LossChart} o.chart
 * @param {import('./scheduleChart.js').ScheduleChart} o.schedule
 * @param {import('./chartReadout.js').ChartReadout} o.readout
 * @param {import('./playback.js').Playback} o.playback
 * @param {import('./stepMode.js').StepMode} o.stepMode  in step mode the charts follow the step shown
 * @param {() => object[]} o.planned  the racers about to race (a POST /api/race body's racers)
 * @param {(id: string) => HTMLElement} o.$
 */
export function chartsReader({ axis, chart, schedule, readout, playback, stepMode, planned, $ }) {
  const seen = new Seen();
  return (state) => {
    if (seen.differs('x', state.chartX)) {
      axis.setKind(state.chartX ?? 'steps');
      for (const r of document.querySelectorAll('input[name="chart-x"]')) r.checked = r.value === axis.kind;
      $('chart-per').textContent = axis.per;
      $('chart').setAttribute('aria-label', `Loss against ${axis.label} for each racer, logarithmic scale`);
      $('x-note').hidden = axis.kind === 'steps';
    }
    const tracks = playback.tracks;
    if (seen.differs('tracks', tracks)) {
      axis.setTracks(tracks);
      chart.setTracks(tracks);
      schedule.setTracks(tracks);
      readout.setTracks(tracks, schedule.shown);
    }
    if (!playback.loaded) {
      const racers = planned();
      if (seen.differs('planned', JSON.stringify(racers))) schedule.setPlanned(racers);
    }
    axis.follow = stepMode.active;
    chart.draw();
    schedule.draw();
    readout.render();
  };
}
