// Whether a setting's text is one the API takes, checked in the page before it goes into a link, so
// a link never holds a half-typed "0.", an "abc" or a NaN. The rules are the catalog's (each
// parameter's kind, "allowed", min and max, as JsonViews.params writes them); the three settings
// every run takes besides its optimizer's are RunSpec's. The server checks everything again: this
// only keeps odd text out of the address bar and says what is wrong under the field.

/** A plain decimal, as the API reads numbers (Numbers.isPlain): no hex, no "1d", no NaN or Infinity. */
export const PLAIN_NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const PLAIN = new RegExp(`^${PLAIN_NUMBER}$`);

/**
 * lr, noise and seed: every run takes them (RunParams.COMMON) but the catalog lists only each
 * optimizer's own; their rules are RunSpec's (lr > 0, noise ≥ 0) and the seed's, digits read as a
 * Java long (QueryParams.whole: "12", not "12." nor "1e3").
 */
export const RUN_SETTINGS = Object.freeze({
  lr: { name: 'lr', kind: 'real', allowed: '> 0', whole: false },
  noise: { name: 'noise', kind: 'real', allowed: '>= 0', whole: false },
  seed: { name: 'seed', kind: 'long', allowed: 'a whole number' },
  // on a surface made of data; its upper end, the examples there are, is the surface's (the server checks it)
  'batch-size': { name: 'batch-size', kind: 'count', allowed: 'a whole number >= 1' },
});

/**
 * The test a catalog range text stands for (Range.describe: "> 0", ">= 0", "<= 1", "in [0, 1)", or
 * a single value "0"), found inside "allowed" ("a whole number >= 0", "two numbers, each > 0"); null
 * when there is none (any number). NaN fails every test.
 */
export function rangeTest(allowed) {
  const text = allowed || '';
  const n = String.raw`(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|-?Infinity)`;
  let m = text.match(new RegExp(String.raw`in ([[(])${n}, ${n}([\])])`));
  if (m) {
    const lo = Number(m[2]), hi = Number(m[3]);
    return (v) => (m[1] === '[' ? v >= lo : v > lo) && (m[4] === ']' ? v <= hi : v < hi);
  }
  m = text.match(new RegExp(String.raw`(>=|>|<=|<) ${n}$`));
  if (m) {
    const b = Number(m[2]);
    return { '>=': (v) => v >= b, '>': (v) => v > b, '<=': (v) => v <= b, '<': (v) => v < b }[m[1]];
  }
  m = text.match(new RegExp(String.raw`^(?:a whole number )?${n}$`));
  if (m) {
    const only = Number(m[1]);
    return (v) => v === only;
  }
  return null;
}

/** The range part of "allowed", as messages quote it: "in [0, 1)" of "a whole number in [0, 1)". */
function rangeText(allowed) {
  return allowed.replace(/^(two|three|\d+) numbers, each /, '').replace(/^a (whole )?number /, '');
}

function numberProblem(spec, label, text, inRange) {
  if (!PLAIN.test(text)) return `${label} must be a number, got '${text}'`;
  const v = Number(text);
  if (!Number.isFinite(v)) return `${label} must be a finite number, got '${text}'`;
  if (inRange && !inRange(v)) return `${label} must be ${rangeText(spec.allowed)}, got ${text}`;
  // whole reals count updates (Param.count): at most a Java int
  if (spec.whole && !(Number.isInteger(v) && v <= 2147483647)) return `${label} must be a whole number of updates, got ${text}`;
  return null;
}

/** How many numbers a list takes, as Param words it: "2", "at most 64", "1 to 3". */
function lengthRule(spec) {
  return spec.minLength === spec.maxLength ? String(spec.minLength)
    : spec.minLength === 0 ? `at most ${spec.maxLength}` : `${spec.minLength} to ${spec.maxLength}`;
}

/**
 * Null when `text` is a value the setting takes, else one sentence naming it, the rule and the text,
 * as the API words it ("lr must be > 0, got -1", "momentum must be a number, got 'abc'").
 * @param {object} spec  a catalog parameter ({name, kind, allowed, whole, minLength, maxLength,
 *                       choices}) or a RUN_SETTINGS entry
 * @param {string} text  as typed, trimmed
 */
export function settingProblem(spec, text) {
  const name = spec.name;
  switch (spec.kind) {
    case 'flag':
      return ['1', '0', 'true', 'false'].includes(text) ? null : `${name} must be true or false (1 or 0), got '${text}'`;
    case 'count':
      return /^\d{1,9}$/.test(text) && Number(text) >= 1 ? null : `${name} must be a whole number >= 1, got '${text}'`;
    case 'long':
      return /^[-+]?\d{1,18}$/.test(text) ? null : `${name} must be a whole number, got '${text}'`;
    case 'choice':
      return spec.choices.includes(text) ? null : `${name} must be ${spec.choices.join(' or ')}, got '${text}'`;
    case 'numbers': {
      const parts = text === '' ? [] : text.split(',').map((t) => t.trim());
      if (parts.length < spec.minLength || parts.length > spec.maxLength) {
        return `${name} takes ${lengthRule(spec)} numbers, got ${parts.length} (${spec.allowed})`;
      }
      const inRange = rangeTest(spec.allowed);
      for (let i = 0; i < parts.length; i++) {
        const problem = numberProblem(spec, `${name}[${i}]`, parts[i], inRange);
        if (problem) return problem;
      }
      return null;
    }
    default:
      return numberProblem(spec, name, text, rangeTest(spec.allowed));
  }
}
