// The settings one run of an optimizer takes, in the order both forms show them (the lab's racer
// cards and the maps page's basins): lr, the optimizer's own parameters from the catalog, on a
// surface made of data the minibatch size, then the noise σ and the seed. Each carries its default on
// this surface (/api/surface) and the rule settingCheck.js checks typed text against, so the two
// forms cannot disagree on what a setting is called, where it starts or what it accepts.

import { RUN_SETTINGS } from './settingCheck.js';

/**
 * @param {object} kind          the optimizer as the catalog lists it ({name, params})
 * @param {object} [onSurface]   its defaults on this surface: {lr, noise, batchSize} (batchSize 0: every example)
 * @param {number|null} [examples] n on a surface made of data, else null
 * @returns {{name: string, label: string, help: string, value: *, rule: object, param: object|null}[]}
 *          param is the catalog's parameter for the optimizer's own settings, null for the run's
 */
export function settingSpecs(kind, onSurface = {}, examples = null) {
  const d = onSurface || {};
  const run = (name, label, help, value) => ({ name, label, help, value, rule: RUN_SETTINGS[name], param: null });
  const specs = [run('lr', 'lr', 'learning rate', d.lr)];
  for (const p of kind.params) {
    specs.push({
      name: p.name, label: p.name, help: `${p.help}${p.allowed ? ` (${p.allowed})` : ''}`, rule: p, param: p,
      value: p.flag ? (p.default ? 1 : 0) : Array.isArray(p.default) ? p.default.join(',') : p.default,
    });
  }
  if (examples !== null && examples !== undefined) {
    specs.push(run('batch-size', 'batch size', `examples per step, 1 to ${examples} (${examples}: all of them, the exact gradient)`,
      d.batchSize > 0 ? d.batchSize : examples));
  }
  specs.push(run('noise', 'noise σ', 'gradient noise: N(0, σ²) added to each coordinate', d.noise ?? kind.defaultNoise));
  specs.push(run('seed', 'seed', `random seed for the noise${examples ? ' and the minibatches' : ''}`, null));
  return specs;
}
