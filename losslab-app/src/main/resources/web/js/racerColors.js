// One colour per optimizer, the same in the landscape, the chart, the cards and the formulas.
//
// Okabe & Ito's palette (2008) stays distinguishable under the common colour-vision deficiencies;
// it has eight colours, so the two Newton methods get the neutral black and grey. GD is orange and
// momentum sky blue as in the essays the lab grew from; a name the table does not know (a future
// optimizer) takes the next spare colour.

const BY_NAME = {
  gd: '#E69F00',                 // orange
  sgd: '#D55E00',                // vermillion
  momentum: '#56B4E9',           // sky blue
  nesterov: '#0072B2',           // blue
  rmsprop: '#009E73',            // bluish green
  adagrad: '#F0E442',            // yellow
  adam: '#CC79A7',               // reddish purple
  adamw: '#882255',              // wine (Paul Tol's muted scheme)
  newton: '#000000',             // black
  'saddle-free-newton': '#8C8C8C', // grey
};

const SPARE = ['#44AA99', '#999933', '#AA4499', '#332288'];
const assigned = new Map();

export function racerColor(name) {
  const known = BY_NAME[name];
  if (known) return known;
  if (!assigned.has(name)) assigned.set(name, SPARE[assigned.size % SPARE.length]);
  return assigned.get(name);
}

/** Yellow needs a dark casing to stand out on white (the chart) and on the map's yellow peaks. */
export function isLight(name) {
  return name === 'adagrad';
}
