// A racer's id in the lab: its optimizer's name the first time it races, then "name:2", "name:3", …
// for the same optimizer raced again with other settings (GD at lr 0.19 against GD at 0.21). The
// server labels a race's racers the same way (RacerLabels), the URL keys settings by id
// ("gd:2.lr=0.21"), and everything that asks the catalog about a racer asks by its optimizer.

/** "gd", "gd:2": a registry-shaped name, then an instance number from 2 to 99. */
const ID = /^([a-z][a-z0-9-]*)(?::([2-9]|[1-9][0-9]))?$/;

export function isRacerId(text) {
  return ID.test(text);
}

/** The optimizer a racer runs: "gd" for "gd:2". */
export function optimizerOf(id) {
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(0, colon);
}

/** 1 for "gd", 2 for "gd:2". */
export function instanceOf(id) {
  const colon = id.indexOf(':');
  return colon < 0 ? 1 : Number(id.slice(colon + 1));
}

/** The next id for `optimizer` that `ids` does not have yet: "gd:2" when "gd" races. */
export function nextId(optimizer, ids) {
  if (!ids.includes(optimizer)) return optimizer;
  for (let k = 2; ; k++) if (!ids.includes(`${optimizer}:${k}`)) return `${optimizer}:${k}`;
}
