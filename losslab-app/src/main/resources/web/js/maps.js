// The maps page (maps.html): three tabs over the same kind of long work, each run as a server job
// with a progress bar and Cancel — Basins (where each start ends), Sweep (steps to converge for
// each learning rate, with the momentum regimes from theory) and SGD statistics (where noise takes
// the runs). This module loads the catalog, switches tabs and keeps every tab's set-up in the URL.

import * as api from './api.js';
import * as state from './mapsState.js';
import * as basins from './basinsPanel.js';
import { SweepPanel } from './sweepPanel.js';
import { SgdPanel } from './sgdPanel.js';
import { setOutcomeColors } from './palette.js';

const TABS = ['basins', 'sweep', 'sgd'];
const initial = state.parse(location.search);
let tab = initial.tab;
let sweep = null;
let sgd = null;
const starting = {}; // tab → Promise of its start, so a tab is built once, when first shown

function saveUrl() {
  state.write({
    tab,
    ...basins.state(initial),
    sweep: sweep ? sweep.state() : initial.sweep,
    sgd: sgd ? sgd.state() : initial.sgd,
  });
}

function tabButton(name) {
  return document.getElementById(`tab-${name}`);
}

async function show(name, catalog, { focus = false } = {}) {
  tab = name;
  for (const t of TABS) {
    const selected = t === name;
    const button = tabButton(t);
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    document.getElementById(`panel-${t}`).hidden = !selected;
  }
  if (focus) tabButton(name).focus();
  saveUrl();
  if (name === 'basins') {
    basins.shown();
  } else if (name === 'sweep') {
    starting.sweep ??= (sweep = new SweepPanel(catalog, initial.sweep, saveUrl)).start();
    await starting.sweep;
    sweep.shown();
  } else {
    starting.sgd ??= (sgd = new SgdPanel(catalog, initial.sgd, saveUrl)).start();
    await starting.sgd;
    sgd.shown();
  }
}

function wireTabs(catalog) {
  for (const name of TABS) {
    tabButton(name).addEventListener('click', () => show(name, catalog));
  }
  // The ARIA tabs pattern: arrow keys move between tabs, Home and End jump to the ends.
  document.getElementById('tabs').addEventListener('keydown', (e) => {
    const at = TABS.indexOf(tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    show(TABS[(to + TABS.length) % TABS.length], catalog, { focus: true });
  });
}

async function boot() {
  setOutcomeColors(document.documentElement);
  let catalog;
  try {
    catalog = await api.catalog();
  } catch (e) {
    document.getElementById('error').textContent = e.message;
    return;
  }
  wireTabs(catalog);
  const first = show(tab, catalog);
  await basins.start(catalog, initial, saveUrl);
  await first;
}

boot();
