// Numbers into text for people and for machines reading the page (tests, screen readers):
// plain ASCII digits and '-' so that parseFloat(text) gives the number back, four significant
// digits, exponents only where a fixed notation would be unreadable. null (JSON's NaN/Infinity)
// never prints as "NaN".

/** A loss or any measured value: "170", "23.92", "0.001234", "1.939e-18", "1.02e12". */
export function num(v, digits = 4) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '-∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return String(Number(v.toPrecision(digits)));
  const [mant, exp] = v.toExponential(digits - 1).split('e');
  return `${String(Number(mant))}e${exp.replace('+', '')}`;
}

/** A coordinate pair: "(3, 2)", "(0.05, -1.848)". */
export function point(x, y, digits = 4) {
  return `(${num(x, digits)}, ${num(y, digits)})`;
}

/**
 * A start coordinate as it goes into the URL and the inputs: rounded to a thousandth of the
 * window's span, so a click gives "1.23" rather than "1.2345678901".
 */
export function coordinate(v, span) {
  const decimals = Math.max(0, Math.min(10, Math.ceil(-Math.log10(span / 1000))));
  return Number(v.toFixed(decimals));
}

/** Axis tick labels: short, no trailing zeros, exponent for very small or large values. */
export function tick(v) {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(4)));
  return num(v, 3);
}
