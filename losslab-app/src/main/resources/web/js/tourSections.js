// The tour's twelve experiments (tour.html holds their words): each wires its controls to a live
// panel and a readout. Every number shown comes from the API; this file only chooses what to ask.

import * as api from './api.js';
import { MapPanel, endText, labLink } from './mapPanel.js';
import { drawIterates } from './iteratePlot.js';
import { drawCloud, drawNoiseChart } from './noisePlots.js';
import { racerColor } from './palette.js';
import { num, point } from './format.js';
import { CurveChart } from './curveChart.js';
import { JobProgress } from './jobProgress.js';
import { drawIndexPlot } from './indexPlot.js';

const q = (el, sel) => el.querySelector(sel);
const control = (el, name) => q(el, `[data-control="${name}"]`);
const racer = (optimizer, label, params, extra = {}) => ({ optimizer, label, color: racerColor(optimizer), params, ...extra });

/** Calls `fn` on input, at most one request in flight: the last value wins. */
function onInput(input, fn) {
  let busy = false, again = false;
  const go = async () => {
    if (busy) { again = true; return; }
    busy = true;
    try { await fn(); } catch (e) { console.warn(e); } finally { busy = false; }
    if (again) { again = false; go(); }
  };
  input.addEventListener('input', go);
  input.addEventListener('change', go);
  return go;
}

function say(el, n, text) {
  q(el, `[data-testid="readout-${n}"]`).textContent = text;
}

function link(el, n, surface, start, steps, racers) {
  q(el, `[data-testid="open-lab-${n}"]`).href = labLink(surface, start, steps, racers);
}

/** slider 0..100 → lr × 2^((v − 50)/25): a quarter to four times the surface's GD default. */
const scaled = (v, lr0) => Number((lr0 * 2 ** ((Number(v) - 50) / 25)).toPrecision(3));

// 1 · explorer: GD, a surface, a start, an lr; the readout compares lr with 2/λmax at the start
async function explorer(el) {
  const panel = new MapPanel(q(el, '.tour-figure'), { id: '1', onPick: (x, y) => { start = [x, y]; go(); } });
  let surface = null, start = null, info = null;
  const go = onInput(control(el, 'lr'), async () => {
    const name = control(el, 'surface').value;
    if (name !== surface) { info = await api.surface(name); surface = name; start = [info.defaultStart.x, info.defaultStart.y]; }
    const lr = scaled(control(el, 'lr').value, info.defaults.gd.lr);
    const racers = [racer('gd', `gradient descent, lr ${lr}`, { lr })];
    const [runs, a] = await Promise.all([panel.race(surface, start, 300, racers), api.analyze(surface, start[0], start[1])]);
    if (!runs) return;
    panel.finish();
    const limit = a.maxStableLearningRate;
    const verdict = runs[0].stop.reason === 'diverged' ? 'divergent: every step overshoots more than the last'
      : limit !== null && lr > limit ? 'overshooting: lr is past 2/λmax at the start' : 'descending';
    say(el, 1, `lr ${lr} · 2/λmax at the start ${limit === null ? '— (no upward curvature)' : num(limit)} · ${verdict} · ${runs[0].stop.reason} after ${runs[0].stop.step} steps`);
    link(el, 1, surface, start, 300, racers);
  });
  control(el, 'surface').addEventListener('change', go);
  await go();
}

// 2 · 1-D stability: four regimes side by side, a slider with the factor 1 − lr·h live; then the bowl
const H = 4;
const PARABOLA = '2*x^2'; // h·x²/2 with h = 4
async function oneRun(surface, start, steps, r) {
  const answer = await api.race({ surface, start, steps, racers: [{ optimizer: r.optimizer, params: r.params }] });
  return answer.runs[0];
}
async function stability(el) {
  const regimes = q(el, '[data-testid="regimes"]');
  for (const lr of [0.1, 0.4, 0.5, 0.55]) {
    const box = document.createElement('figure');
    box.className = 'regime';
    const fig = document.createElement('div');
    const canvas = document.createElement('canvas');
    fig.append(canvas);
    const cap = document.createElement('figcaption');
    box.append(fig, cap);
    regimes.append(box);
    const [f, run] = await Promise.all([api.stepFactor(H, lr), oneRun(PARABOLA, [1, 0], 12, racer('gd', '', { lr }))]);
    cap.innerHTML = '';
    const b = document.createElement('strong');
    b.textContent = f.regime;
    cap.append(b, ` lr ${lr} · factor ${num(f.factor)}`);
    box.dataset.regime = f.regime;
    drawIterates(canvas, run, racerColor('gd'), 2.2, 110);
  }
  const canvas = q(el, '[data-testid="iterates"]');
  const go = onInput(control(el, 'lr'), async () => {
    const lr = Number(control(el, 'lr').value);
    const [f, run] = await Promise.all([api.stepFactor(H, lr), oneRun(PARABOLA, [1, 0], 20, racer('gd', '', { lr }))]);
    drawIterates(canvas, run, racerColor('gd'), 2.2, 150);
    say(el, 2, `lr ${lr} · factor 1 − lr·h = ${num(f.factor)} · ${f.regime} (1/h = ${num(f.monotoneBelow)}, 2/h = ${num(f.stableBelow)})`);
    q(el, '[data-testid="readout-2"]').dataset.regime = f.regime;
    link(el, 2, PARABOLA, [1, 0], 20, [racer('gd', '', { lr })]);
  });
  await go();

  const bowl = new MapPanel(q(el, '[data-figure="bowl"]'), { id: '2b' });
  const start = [-3.5, 2.5];
  const goBowl = onInput(control(el, 'bowl-lr'), async () => {
    const lr = Number(control(el, 'bowl-lr').value);
    const racers = [racer('gd', `gradient descent, lr ${lr}`, { lr })];
    const [runs, a, fx, fy] = await Promise.all([bowl.race('bowl', start, 200, racers), api.analyze('bowl', 0, 0),
      api.stepFactor(1, lr), api.stepFactor(10, lr)]);
    if (!runs) return;
    say(el, '2b', `along x (λ = ${num(a.eigenvalues[1])}): factor ${num(fx.factor)}, ${fx.regime} · along y (λ = ${num(a.eigenvalues[0])}): factor ${num(fy.factor)}, ${fy.regime} · 2/λmax = ${num(a.maxStableLearningRate)} · condition number ${num(a.conditionNumber)} · ${runs[0].stop.reason} after ${runs[0].stop.step} steps`);
    link(el, '2b', 'bowl', start, 200, racers);
  });
  await goBowl();
}

// 3 · the race: GD, momentum and Newton on the same start
async function race(el) {
  let surface = null, start = null;
  const panel = new MapPanel(q(el, '.tour-figure'), { id: '3', onPick: (x, y) => { start = [x, y]; go(); } });
  const go = onInput(control(el, 'surface'), async () => {
    const name = control(el, 'surface').value;
    if (name !== surface) { const info = await api.surface(name); surface = name; start = [info.defaultStart.x, info.defaultStart.y]; }
    const racers = [racer('gd', 'gradient descent'), racer('momentum', 'momentum'), racer('newton', 'Newton')];
    const runs = await panel.race(surface, start, 1000, racers);
    if (!runs) return;
    say(el, 3, runs.map((r, k) => `${racers[k].label}: ${r.stop.reason} after ${r.stop.step === 1 ? '1 step' : `${r.stop.step} steps`}`).join(' · '));
    link(el, 3, surface, start, 1000, racers);
  });
  await go();
}

// 4 · the ravine: four racers, the momentum β slider
async function ravine(el) {
  const panel = new MapPanel(q(el, '.tour-figure'), { id: '4' });
  const go = onInput(control(el, 'beta'), async () => {
    const beta = Number(control(el, 'beta').value);
    const racers = [racer('gd', 'gradient descent'), racer('momentum', `momentum, β ${beta}`, { momentum: beta }),
      racer('rmsprop', 'RMSProp'), racer('adam', 'Adam')];
    const start = [-1.5, 2];
    const runs = await panel.race('ravine', start, 1000, racers);
    if (!runs) return;
    say(el, 4, runs.map((r, k) => `${racers[k].optimizer}: loss ${num(r.points[r.points.length - 1].loss)} after ${r.stop.step} steps`).join(' · '));
    link(el, 4, 'ravine', start, 1000, racers);
  });
  await go();
}

// 5 · the saddle: the Hessian at (0.05, 0.05), GD on and off the axis, saddle-free Newton
async function saddle(el) {
  const panel = new MapPanel(q(el, '.tour-figure'), { id: '5' });
  const a = await api.analyze('saddle', 0.05, 0.05);
  const facts = q(el, '[data-testid="saddle-facts"]');
  for (const [k, v] of [['at', point(a.at.x, a.at.y)], ['λ₁', num(a.eigenvalues[0])], ['λ₂', num(a.eigenvalues[1])],
    ['trace', num(a.trace)], ['det', num(a.determinant)], ['kind', a.kind]]) {
    const d = document.createElement('div');
    const dt = document.createElement('dt'); dt.textContent = k;
    const dd = document.createElement('dd'); dd.textContent = v; dd.dataset.field = k;
    d.append(dt, dd);
    facts.append(d);
  }
  panel.inspect(a);
  const go = onInput(control(el, 'offset'), async () => {
    const dy = Number(control(el, 'offset').value);
    const start = [1.5, dy];
    const racers = [racer('gd', 'gradient descent, lr 0.1', { lr: 0.1 }), racer('saddle-free-newton', 'saddle-free Newton')];
    const runs = await panel.race('saddle', start, 300, racers);
    if (!runs) return;
    const gd = runs[0];
    const last = gd.points[gd.points.length - 1];
    const verdict = last.y === 0 ? `stuck on the saddle at ${point(last.x, last.y, 3)}: no y-gradient to push it off`
      : 'slid away along y, the eigenvector that curves down';
    say(el, 5, `start ${point(start[0], start[1])} · gradient descent: ${gd.stop.reason} after ${gd.stop.step} steps, ${verdict}`);
    link(el, 5, 'saddle', start, 300, racers);
  });
  await go();
}

// 6 · Adam's first step with and without bias correction
async function adam(el) {
  const panel = new MapPanel(q(el, '.tour-figure'), { id: '6' });
  const start = [-3.5, 2.5];
  const go = onInput(control(el, 'beta2'), async () => {
    const beta2 = Number(control(el, 'beta2').value);
    const racers = [racer('adam', 'Adam (bias-corrected)', { beta2 }),
      { ...racer('adam', 'Adam without the correction', { beta2, 'no-bias-correction': true }), color: racerColor('adamw') }];
    const [runs, s] = await Promise.all([panel.race('bowl', start, 150, racers), api.adamFirstStep('bowl', start[0], start[1], { beta2 })]);
    if (!runs) return;
    const readout = q(el, '[data-testid="readout-6"]');
    readout.textContent = `lr ${num(s.learningRate)} · first step with the correction: ${point(s.withCorrection.dx, s.withCorrection.dy)}, length ${num(s.withCorrection.length)}`
      + ` · without: ${point(s.withoutCorrection.dx, s.withoutCorrection.dy)}, length ${num(s.withoutCorrection.length)}`
      + ` · ratio ${num(s.ratio, 3)} = (1 − β₁)/√(1 − β₂) = ${num(s.predictedRatio, 3)}`;
    readout.dataset.ratio = num(s.ratio, 3);
    link(el, 6, 'bowl', start, 150, racers);
  });
  await go();
}

// 7 · SGD noise on Himmelblau from (0, 0), and the share of runs ending in each basin
async function noise(el) {
  const panel = new MapPanel(q(el, '.tour-figure'), { id: '7' });
  const start = [0, 0];
  const go = onInput(control(el, 'noise'), async () => {
    const sigma = Number(control(el, 'noise').value);
    const racers = [racer('gd', 'batch GD (exact gradient)'), racer('sgd', `SGD, noise σ ${sigma}`, { noise: sigma, seed: 7 })];
    const runs = await panel.race('himmelblau', start, 1000, racers);
    if (!runs) return;
    const end = (r) => { const p = r.points[r.points.length - 1]; return point(p.x, p.y, 3); };
    say(el, 7, `start loss ${num(runs[0].points[0].loss)} · batch GD ends at ${end(runs[0])} · SGD ends at ${end(runs[1])}`);
    q(el, '[data-testid="readout-7"]').dataset.gd = end(runs[0]);
    q(el, '[data-testid="readout-7"]').dataset.sgd = end(runs[1]);
    link(el, 7, 'himmelblau', start, 1000, racers);
  });
  await go();
  // The levels the slider can reach, 0 to 40 (the table once stopped at 30).
  const slider = control(el, 'noise');
  const stats = await api.sgdStats('himmelblau', start, `${slider.min}:${slider.max}:5`, 60);
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const t of ['noise σ', ...stats.minima.map((m) => point(m.x, m.y, 3)), 'diverged', 'still moving']) {
    const th = document.createElement('th'); th.textContent = t; head.append(th);
  }
  const body = table.createTBody();
  for (const level of stats.levels) {
    const row = body.insertRow();
    row.insertCell().textContent = num(level.noise);
    for (const s of [...level.shares, level.diverged, level.unconverged]) row.insertCell().textContent = `${Math.round(100 * s)} %`;
  }
  const cap = table.createCaption();
  cap.textContent = `where ${stats.runs} SGD runs from (0, 0) end, per noise level (${stats.steps} steps each)`;
  q(el, '[data-testid="basin-shares"]').append(table);
}

// 8 · a constant lr against a Robbins–Monro decay, same noise
async function schedules(el) {
  const panel = new MapPanel(q(el, '.tour-figure'), { id: '8' });
  const start = [-3.5, 2.5];
  const go = onInput(control(el, 'noise'), async () => {
    const sigma = Number(control(el, 'noise').value);
    const params = { noise: sigma, seed: 3, lr: 0.05 };
    const racers = [racer('sgd', 'constant lr 0.05', params),
      { ...racer('sgd', 'lr 0.05 / (1 + t/50)', params, { schedule: { name: 'inverse-time', params: { tau: 50 } } }), color: racerColor('nesterov') }];
    const runs = await panel.race('bowl', start, 600, racers);
    if (!runs) return;
    say(el, 8, runs.map((r, k) => `${racers[k].label}: final loss ${num(r.points[r.points.length - 1].loss)}`).join(' · '));
    link(el, 8, 'bowl', start, 600, racers);
  });
  await go();
}

// 9 · bumpy: small traps at a low lr
async function bumpy(el) {
  const panel = new MapPanel(q(el, '.tour-figure'), { id: '9' });
  const info = await api.surface('bumpy');
  const start = [info.defaultStart.x, info.defaultStart.y];
  const go = onInput(control(el, 'lr'), async () => {
    const v = control(el, 'lr').value;
    const racers = ['gd', 'momentum', 'adam'].map((o) => { const lr = scaled(v, info.defaults[o].lr); return racer(o, `${o}, lr ${lr}`, { lr }); });
    const runs = await panel.race('bumpy', start, 1000, racers);
    if (!runs) return;
    say(el, 9, runs.map((r, k) => `${racers[k].optimizer}: ${r.minimumReached ? 'reached the middle' : `stopped at ${point(r.points[r.points.length - 1].x, r.points[r.points.length - 1].y, 3)}`}`).join(' · '));
    link(el, 9, 'bumpy', start, 1000, racers);
  });
  await go();
}

// 10 · from toy to real: the lessons again on a line fitted to the diabetes data
const RAW = 'regression:diabetes:bmi';
const STANDARDIZED = 'regression:diabetes:bmi:standardized';

/** A batch-size slider's position 0 … k → B: powers of two below n, then n itself (every example). */
function batchSizes(n) {
  const sizes = [];
  for (let b = 1; b < n; b *= 2) sizes.push(b);
  sizes.push(n);
  return sizes;
}

const stepCount = (n) => (n === 1 ? '1 step' : `${n} steps`);

function batchSlider(input, sizes, start) {
  input.max = String(sizes.length - 1);
  input.value = String(sizes.indexOf(start));
  return () => sizes[Number(input.value)];
}

async function toyToReal(el) {
  await Promise.all([rawAndStandardized(el), hops(el), noiseScale(el)]);
}

// (a) GD on the stretched bowl of raw BMI and the round one of standardized BMI, at the same
// fraction of each one's 2/λmax; the curvatures from /api/analyze at each minimum
async function rawAndStandardized(el) {
  const figures = [q(el, '[data-figure="raw"]'), q(el, '[data-figure="standardized"]')];
  // side by side on a wide screen, one above the other on a phone: then they share its height
  const rows = () => (figures[0].offsetTop === figures[1].offsetTop ? 1 : 2);
  const panels = [new MapPanel(figures[0], { id: '10', rows }), new MapPanel(figures[1], { id: '10s', rows })];
  const facts = await Promise.all([RAW, STANDARDIZED].map(async (surface) => {
    const info = await api.surface(surface);
    const best = info.knownMinima[0];
    const a = await api.analyze(surface, best.x, best.y);
    return { surface, start: [info.defaultStart.x, info.defaultStart.y], best, a };
  }));
  facts.forEach((f, k) => {
    const title = q(figures[k], '.figure-title');
    title.querySelector('.figure-facts').textContent = `condition number ${num(f.a.conditionNumber)} · 2/λmax = ${num(f.a.maxStableLearningRate)}`;
  });
  const steps = 1000;
  const go = onInput(control(el, 'fraction'), async () => {
    const fraction = Number(control(el, 'fraction').value);
    const lrs = facts.map((f) => Number((fraction * f.a.maxStableLearningRate).toPrecision(3)));
    const racers = facts.map((f, k) => [racer('gd', `gradient descent, lr ${lrs[k]}`, { lr: lrs[k] })]);
    // standardizing moves the minimum, not its loss: the best line is the same line
    const text = (ends) => `lr = ${fraction} × 2/λmax · raw: lr ${lrs[0]}, ${ends[0]} · standardized: lr ${lrs[1]}, ${ends[1]} `
      + `· the best line's loss ${num(facts[0].best.value)}`;
    // the readout's lines are there before the maps are laid out, so the maps leave room for them
    if (!q(el, '[data-testid="readout-10"]').textContent) say(el, 10, text(['racing…', 'racing…']));
    const runs = await Promise.all(facts.map((f, k) => panels[k].race(f.surface, f.start, steps, racers[k])));
    if (runs.some((r) => !r)) return;
    const end = ([run]) => `${run.stop.reason} after ${stepCount(run.stop.step)}, loss ${num(run.points[run.points.length - 1].loss)}`;
    say(el, 10, text(runs.map(end)));
    panels.forEach((p) => p.remeasure(true));
    const readout = q(el, '[data-testid="readout-10"]');
    readout.dataset.raw = runs[0][0].stop.reason;
    readout.dataset.standardized = runs[1][0].stop.reason;
    link(el, 10, RAW, facts[0].start, steps, racers[0]);
    link(el, '10s', STANDARDIZED, facts[1].start, steps, racers[1]);
  });
  await go();
}

// (b) SGD on the round bowl, its gradient from a batch of B examples: the path hops, less as B grows
async function hops(el) {
  const panel = new MapPanel(q(el, '[data-figure="hops"]'), { id: '10b' });
  const info = await api.surface(STANDARDIZED);
  const start = [info.defaultStart.x, info.defaultStart.y];
  const best = info.knownMinima[0];
  const sizes = batchSizes(info.examples);
  const batch = batchSlider(control(el, 'hops-batch'), sizes, 8);
  const steps = 300;
  const lr = 0.1;
  const go = onInput(control(el, 'hops-batch'), async () => {
    const b = batch();
    const racers = [racer('gd', `gradient descent (all ${info.examples} examples), lr ${lr}`, { lr }),
      racer('sgd', `SGD, batches of ${b}, lr ${lr}`, { lr, 'batch-size': b, seed: 1 })];
    const [runs, noise] = await Promise.all([panel.race(STANDARDIZED, start, steps, racers),
      api.gradientNoise(STANDARDIZED, [best.x, best.y], b, 0)]);
    if (!runs) return;
    const end = (r) => r.points[r.points.length - 1];
    say(el, '10b', `B = ${b} of ${info.examples} · after ${steps} steps SGD's loss is ${num(end(runs[1]).loss)}, `
      + `gradient descent's ${num(end(runs[0]).loss)} (the minimum's ${num(best.value)}) · at the minimum the exact gradient is 0, `
      + `a batch's is off by tr Σ_B = ${num(noise.trace)} on average (a squared length)`);
    q(el, '[data-testid="readout-10b"]').dataset.batch = String(b);
    link(el, '10b', STANDARDIZED, start, steps, racers);
  });
  await go();
}

// (c) the cloud of batch gradients at one point, and the spread against B: the gradient-noise scale
const NOISE_AT = [40, 135]; // most of the way from the start (0, 0) to the minimum (45.2, 152.1)
const SAMPLES = 500;
async function noiseScale(el) {
  const info = await api.surface(STANDARDIZED);
  const n = info.examples;
  const sizes = batchSizes(n);
  const batch = batchSlider(control(el, 'noise-batch'), sizes, 8);
  // the slider's sizes measured; the closed form also between them (answers without samples)
  const between = [3, 6, 12, 24, 48, 96, 192, 320, 400, 430, n - 1].filter((b) => b < n && !sizes.includes(b));
  const [measured, more] = await Promise.all([
    Promise.all(sizes.map((b) => api.gradientNoise(STANDARDIZED, NOISE_AT, b, SAMPLES))),
    Promise.all(between.map((b) => api.gradientNoise(STANDARDIZED, NOISE_AT, b, 0))),
  ]);
  const curve = [...measured, ...more].sort((x, y) => x.batchSize - y.batchSize);
  const cloud = q(el, '[data-testid="noise-cloud"]');
  const chart = q(el, '[data-testid="noise-chart"]');
  // orange is the exact gradient G (what gradient descent steps by), indigo the batches' (SGD's)
  const colors = { dots: racerColor('sgd'), arrow: racerColor('gd'), line: '#4a5163', signal: racerColor('gd') };
  const draw = () => {
    const b = batch();
    const now = measured[sizes.indexOf(b)];
    drawCloud(cloud, now, { ...colors, maxCss: 330, names: ['∂f/∂w (slope)', '∂f/∂b (intercept)'] });
    // as tall as the cloud beside it; below it on a phone, a little shorter
    const beside = cloud.parentElement.offsetTop === chart.parentElement.offsetTop;
    drawNoiseChart(chart, curve, measured, now, { ...colors, heiCss: beside ? cloud.clientHeight : 240 });
    say(el, '10c', `B = ${b}: spread tr Σ_B = ${num(now.trace)} (measured from ${now.samples.length} batches: ${num(now.measuredTrace)}) `
      + `against the signal |G|² = ${num(now.gradientSquared)} · gradient-noise scale B_simple ≈ ${num(now.noiseScale, 3)} examples`);
    const readout = q(el, '[data-testid="readout-10c"]');
    readout.dataset.batch = String(b);
    readout.dataset.trace = String(now.trace);
  };
  control(el, 'noise-batch').addEventListener('input', draw);
  window.addEventListener('resize', draw);
  draw();
}

// 11 · the edge of stability: full-batch GD on a 2-32-32-1 tanh MLP under MSE on the 200 moons,
// at two learning rates from the same weights, its sharpness every 20 steps against each one's 2/lr
const EDGE = { data: 'moons', model: 'mlp', hidden: '32,32', activation: 'tanh', loss: 'mse', seed: 0, steps: 2000,
  'sharpness-every': 20 };
const EDGE_RATES = [0.1, 0.05];

/** A section's job bar (its .job box, bar, percentage and Cancel). */
function jobIn(el) {
  const box = q(el, '.job');
  return new JobProgress({ box, bar: q(box, 'progress'), text: q(box, '.job-percent'), cancel: q(box, 'button') });
}

async function edgeOfStability(el) {
  const sharpness = new CurveChart(q(el, '[data-testid="sharpness-11"]'), { empty: 'Training: the sharpness appears at its first check' });
  const loss = new CurveChart(q(el, '[data-testid="loss-11"]'), { log: true, empty: 'Training…' });
  const draw = (result) => {
    const racers = result.racers.map((r) => ({ ...r, color: racerColor(r.id) }));
    sharpness.set(racers.map((r) => ({ id: r.id, color: r.color, x: r.sharpness.step, y: r.sharpness.value })), result.steps,
      racers.map((r) => ({ value: 2 / r.lr, color: r.color, label: `2/lr = ${num(2 / r.lr, 3)} (lr ${r.lr})` })));
    loss.set(racers.map((r) => ({ id: r.id, color: r.color, x: r.curve.step, y: r.curve.loss })), result.steps);
    return racers;
  };
  const body = { kind: 'train', ...EDGE, racers: EDGE_RATES.map((lr) => ({ optimizer: 'gd', params: { lr } })) };
  const result = await jobIn(el).run(body, { onRunning: (status) => status.partial && draw(status.partial) });
  const racers = draw(result);
  q(el, '.tour-legend').replaceChildren(...racers.map((r) => {
    const li = document.createElement('li');
    li.style.setProperty('--racer', r.color);
    li.innerHTML = '<span class="swatch"></span><span class="name"></span>';
    li.querySelector('.name').textContent = `gradient descent, lr ${r.lr}`;
    return li;
  }));
  say(el, '11', racers.map((r) => {
    const values = r.sharpness.value.filter((v) => v !== null);
    const edge = 2 / r.lr;
    if (values.length === 0) return `lr ${r.lr}: no sharpness measured (${r.stop})`;
    const last = values.at(-1);
    const lastStep = r.sharpness.step[r.sharpness.value.lastIndexOf(last)];
    return `lr ${r.lr}: sharpness ${num(values[0], 3)} at the start, peak ${num(Math.max(...values), 3)}, ${num(last, 3)}`
      + ` at step ${lastStep} against 2/lr = ${num(edge, 3)} (${Math.round((100 * last) / edge)} %);`
      + ` loss ${num(r.curve.loss.at(-1), 3)}`;
  }).join(' · '));
}

// 12 · saddles in many dimensions: critical points found from points along six xor runs of a
// 2-3-1 tanh MLP, each with its loss and its index (job kind saddles)
const SADDLES = { kind: 'saddles', data: 'xor', model: 'mlp', hidden: '3', activation: 'tanh', loss: 'mse', steps: 300,
  racers: [{ optimizer: 'gd', params: { lr: 0.3 } }], runs: 6, 'starts-every': 50, 'search-steps': 200 };

async function manySaddles(el) {
  const canvas = q(el, '[data-testid="index-12"]');
  let points = [];
  new ResizeObserver(() => drawIndexPlot(canvas, points)).observe(canvas.parentElement);
  const result = await jobIn(el).run(SADDLES);
  const critical = result.points.filter((p) => p.critical);
  points = critical.map((p) => ({ loss: p.loss, index: p.index }));
  drawIndexPlot(canvas, points);
  const minima = critical.filter((p) => p.negative === 0 && p.zero === 0).length;
  const degenerate = critical.filter((p) => p.negative === 0 && p.zero > 0).length;
  const byLoss = [...critical].sort((a, b) => a.loss - b.loss);
  const ends = byLoss.length < 2 ? '' : ` The lowest loss found, ${num(byLoss[0].loss, 3)}, has index ${num(100 * byLoss[0].index, 2)} %;`
    + ` the highest, ${num(byLoss.at(-1).loss, 3)}, has ${num(100 * byLoss.at(-1).index, 2)} %.`;
  say(el, '12', `${result.points.length} searches from the runs of a ${result.shape} network (${result.parameters} weights):`
    + ` ${critical.length} found a critical point — ${minima} minima, ${critical.length - minima - degenerate} saddles`
    + `${degenerate ? `, ${degenerate} degenerate (no direction down, some flat)` : ''};`
    + ` ${result.points.length - critical.length} stalled.${ends}`);
}

export const SECTIONS = { 1: explorer, 2: stability, 3: race, 4: ravine, 5: saddle, 6: adam, 7: noise, 8: schedules, 9: bumpy,
  10: toyToReal, 11: edgeOfStability, 12: manySaddles };
export { endText };
