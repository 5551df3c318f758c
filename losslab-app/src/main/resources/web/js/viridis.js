// The colour map: a 256-entry viridis-like lookup table, shade 0 (lowest loss) to 255 (highest).
//
// Viridis (van der Walt & Smith, CC0) rises steadily in lightness, so equal steps in loss read as
// equal steps in brightness, in grey print and to colour-blind eyes. We rebuild it from nine of its
// published stops, interpolating in OKLab (a perceptually uniform space) so the ramp between stops
// stays even; the result matches matplotlib's table to within a couple of RGB units.

const STOPS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

/** r, g, b of shade s at LUT[3s], LUT[3s + 1], LUT[3s + 2]. */
export const LUT = new Uint8Array(256 * 3);

/** Grey drawn where f is undefined (shade -1). */
export const UNDEFINED_RGB = [205, 205, 205];

function srgbToLinear(c) {
  c /= 255;
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

function linearToSrgb(c) {
  const v = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
  return Math.max(0, Math.min(255, Math.round(v * 255)));
}

// OKLab (Björn Ottosson, 2020): linear sRGB → LMS → cube root → Lab, and back.
function toOklab(hex) {
  const r = srgbToLinear(parseInt(hex.slice(1, 3), 16));
  const g = srgbToLinear(parseInt(hex.slice(3, 5), 16));
  const b = srgbToLinear(parseInt(hex.slice(5, 7), 16));
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s,
  ];
}

function fromOklab(L, a, b, out, at) {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.2914855480 * b) ** 3;
  out[at] = linearToSrgb(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
  out[at + 1] = linearToSrgb(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
  out[at + 2] = linearToSrgb(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s);
}

(function build() {
  const lab = STOPS.map(toOklab);
  const segments = STOPS.length - 1;
  for (let s = 0; s < 256; s++) {
    const t = (s / 255) * segments;
    const k = Math.min(segments - 1, Math.floor(t));
    const u = t - k;
    const p = lab[k], q = lab[k + 1];
    fromOklab(p[0] + (q[0] - p[0]) * u, p[1] + (q[1] - p[1]) * u, p[2] + (q[2] - p[2]) * u, LUT, 3 * s);
  }
})();

/** CSS colour of a shade, for the few places that need a string (the colour bar's gradient). */
export function shadeCss(shade) {
  const i = 3 * Math.max(0, Math.min(255, shade | 0));
  return `rgb(${LUT[i]}, ${LUT[i + 1]}, ${LUT[i + 2]})`;
}
