// The 3-D view: the same /api/landscape picture as the map, raised into a surface, with the race's
// trajectories lying on it and a ball per racer at the playback's current step. Nothing here is
// computed but the drawing: heights are the colour scale's own t ∈ [0, 1] (the shades the map is
// painted with, and the API's scale formula for the race's loss values), so a log-scaled surface is
// log-compressed in height exactly as in colour and Rosenbrock's walls do not hide its valley.
//
// three.js comes from the webjar the server vendors (/static/vendor/three/); the scene is drawn
// on demand (after a change, a turn or a playback frame), never in a free-running loop.

import * as THREE from '../vendor/three/build/three.module.js';
import { VIRIDIS, UNDEFINED_RGB } from './palette.js';
import { niceTicks } from './plotFrame.js';
import { tick } from './format.js';
import { OrbitController } from './orbit3d.js';

const DEG = Math.PI / 180;
const HEIGHT = 0.85;      // the box: the window's longer side is 2 units, the loss range this tall
const LIFT = 0.01;        // trails float this far above the mesh, so its facets never cover them
const TUBE = 0.0075;      // trail radius
const BALL = 0.04;       // ball radius
const FOV = 30;
const BACKGROUND = '#f7f8fb';

/** Thrown when the browser cannot give us a WebGL 2 context (three.js needs WebGL 2). */
export class WebGLUnavailable extends Error {}

/**
 * Where a loss value sits on the colour scale, t ∈ [0, 1]: /api/landscape's formula (docs/API.md),
 * so a trail's height agrees with the mesh's. Values beyond the scale are clipped to the box.
 */
function scaleFraction(f, scale) {
  if (Number.isNaN(f)) return NaN;
  if (!scale || scale.min === null || scale.max === null || !(scale.max > scale.min)) return 0;
  const d = f - scale.min;
  if (!(d > 0)) return 0;
  const t = scale.log && scale.offset > 0
    ? Math.log1p(d / scale.offset) / Math.log1p((scale.max - scale.min) / scale.offset)
    : d / (scale.max - scale.min);
  return t < 1 ? t : 1;
}

export class Surface3d {
  /**
   * @param {HTMLElement} host   the canvas goes in here; it is sized to the host's width
   * @param {HTMLElement} panel  gets the read-only data-* report of what is drawn
   * @param {(widCss: number) => void} onResize  the canvas took a new width (the colour bar follows it)
   */
  constructor(host, panel, onResize) {
    this.host = host;
    this.panel = panel;
    this.onResize = onResize;
    const canvas = document.createElement('canvas');
    canvas.className = 'view3d-canvas';
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-label', '3-D view of the loss surface with each racer’s path. Drag to turn, '
      + 'scroll or pinch to zoom, double-click to reset; arrow keys turn, + and − zoom.');
    // Asked for here rather than by three, so a browser without WebGL 2 is told plainly, not thrown at.
    const gl = canvas.getContext('webgl2', { antialias: true, alpha: false, preserveDrawingBuffer: false });
    if (!gl) throw new WebGLUnavailable('this browser cannot start WebGL 2');
    this.canvas = canvas;
    this.renderer = new THREE.WebGLRenderer({ canvas, context: gl, antialias: true });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    this.renderer.setClearColor(BACKGROUND);
    this.onContextLost = (ev) => {
      ev.preventDefault();
      this.panel.dataset.state = 'lost';
    };
    canvas.addEventListener('webglcontextlost', this.onContextLost);
    host.append(canvas);

    this.scene = new THREE.Scene();
    // Half ambient, half sun, summing to 1 on level ground, so a flat patch shows the map's very
    // colour and slopes turned from the sun darken just enough to read the shape. (three's lights
    // are physical: a Lambert surface returns intensity/π, hence the π.)
    this.scene.add(new THREE.AmbientLight(0xffffff, 0.5 * Math.PI));
    const sun = new THREE.DirectionalLight(0xffffff, 0.65 * Math.PI);
    sun.position.set(-1, 1.4, 0.9);
    this.scene.add(sun);
    this.camera = new THREE.PerspectiveCamera(FOV, 1, 0.01, 50);

    // Shared by every racer: one tube piece, one joint, one ball; coloured by their materials.
    this.parts = {
      tube: new THREE.CylinderGeometry(TUBE, TUBE, 1, 8, 1, true),
      joint: new THREE.SphereGeometry(TUBE, 8, 6),
      casing: new THREE.CylinderGeometry(TUBE * 1.8, TUBE * 1.8, 1, 8, 1, true),
      casingJoint: new THREE.SphereGeometry(TUBE * 1.8, 8, 6),
      ball: new THREE.SphereGeometry(BALL, 24, 16),
      dark: new THREE.MeshBasicMaterial({ color: 0x000000, side: THREE.BackSide, transparent: true, opacity: 0.55 }),
      halo: new THREE.MeshBasicMaterial({ color: 0xffffff, side: THREE.BackSide }),
      rim: new THREE.MeshBasicMaterial({ color: 0x1d2230, side: THREE.BackSide }),
    };

    this.land = null;
    this.box = null;          // { sx, sz, toX, toZ, window, heightAt }
    this.surfaceGroup = null; // the mesh, contours, axes and minima: rebuilt per surface
    this.startGroup = null;
    this.start = null;
    this.tracks = [];
    this.racers = [];         // per track: { track, count, group, tube, casing, joints, casingJoints, ball, points }
    this.pending = false;
    this.render = this.render.bind(this);

    this.orbit = new OrbitController(canvas, {
      azimuth: -20 * DEG,
      elevation: 62 * DEG, // from well above, so every ball shows over the hills in front of it
      onChange: () => this.requestRender(),
    });
    this.resizer = new ResizeObserver(() => this.resize());
    this.resizer.observe(host);
    this.resize();
  }

  // ---- inputs from the lab --------------------------------------------------------------------

  /**
   * A /api/landscape response: the surface, its contours and minima. Drops the old surface's GPU
   * memory and any race drawn on it (a race belongs to its surface; the lab sends the next one).
   */
  setLandscape(land) {
    this.land = land;
    if (this.surfaceGroup) {
      this.scene.remove(this.surfaceGroup);
      disposeTree(this.surfaceGroup);
    }
    this.box = boxFor(land);
    this.surfaceGroup = new THREE.Group();
    this.surfaceGroup.add(surfaceMesh(land, this.box));
    const contours = contourLines(land, this.box);
    if (contours) this.surfaceGroup.add(contours);
    this.surfaceGroup.add(axes(this.box));
    for (const m of land.minima || []) this.surfaceGroup.add(minimumMarker(m, this.box));
    this.scene.add(this.surfaceGroup);
    this.panel.dataset.surface = land.surface;
    this.surfaceName = land.surface;
    this.panel.dataset.scale = land.scale && land.scale.log ? 'log' : 'linear';
    this.panel.dataset.minima = String((land.minima || []).length);
    this.setStart(this.start);
    this.setTracks([]);
    this.fit();
  }

  /** The start [x, y] (or null), drawn as a ring on the surface like the map's. */
  setStart(start) {
    this.start = start;
    if (this.startGroup) {
      this.scene.remove(this.startGroup);
      disposeTree(this.startGroup);
      this.startGroup = null;
    }
    if (start && this.box) {
      this.startGroup = startMarker(start, this.box);
      this.scene.add(this.startGroup);
    }
    this.requestRender();
  }

  /** The race's tracks (playback.js), or [] when the race was invalidated. */
  setTracks(tracks) {
    this.tracks = tracks;
    for (const r of this.racers) {
      this.scene.remove(r.group);
      r.tube.dispose(); r.casing.dispose(); r.joints.dispose(); r.casingJoints.dispose();
      r.group.traverse((o) => { if (o.material && o.material.userData.own) o.material.dispose(); });
    }
    this.racers = [];
    if (this.box) {
      for (const t of tracks) {
        const r = this.racer(t);
        if (r) {
          this.racers.push(r);
          this.scene.add(r.group);
        }
      }
    }
    this.panel.dataset.paths = String(this.racers.length);
    this.frame();
  }

  /** A playback frame: each trail grows to its track's shown step and its ball moves there. */
  frame() {
    const shown = [];
    for (const r of this.racers) {
      const i = Math.min(r.track.shown, r.count - 1);
      const segments = Math.max(0, i);
      r.tube.count = segments;
      r.casing.count = segments;
      r.joints.count = i + 1;
      r.casingJoints.count = i + 1;
      const p = r.points;
      r.ball.position.set(p[3 * i], p[3 * i + 1] + BALL - LIFT, p[3 * i + 2]);
      shown.push(r.track.steps[i]); // the step the ball is drawn at, as the racer's card reads it
    }
    this.panel.dataset.shown = shown.join(',');
    this.requestRender();
  }

  // ---- building a racer ------------------------------------------------------------------------

  /** Points in the box for a track, up to its first undefined one; null when it has none. */
  racer(track) {
    const box = this.box;
    const scale = this.land.scale;
    const n = track.last + 1;
    const pts = new Float32Array(3 * n);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const x = track.xs[i], y = track.ys[i], t = scaleFraction(track.loss[i], scale);
      if (Number.isNaN(x) || Number.isNaN(y) || Number.isNaN(t)) break;
      pts[3 * i] = box.toX(x);
      pts[3 * i + 1] = t * HEIGHT + LIFT;
      pts[3 * i + 2] = box.toZ(y);
      count++;
    }
    if (count === 0) return null;

    const colour = new THREE.Color(track.color); // a CSS hex string: three reads it as sRGB
    const own = (m) => { m.userData.own = true; return m; };
    const tubeMaterial = own(new THREE.MeshBasicMaterial({ color: colour }));
    const segments = Math.max(1, count - 1);
    const tube = new THREE.InstancedMesh(this.parts.tube, tubeMaterial, segments);
    const casing = new THREE.InstancedMesh(this.parts.casing, this.parts.dark, segments);
    const joints = new THREE.InstancedMesh(this.parts.joint, tubeMaterial, count);
    const casingJoints = new THREE.InstancedMesh(this.parts.casingJoint, this.parts.dark, count);
    // Their counts grow with playback, so a bounding sphere computed at step 0 would cull them.
    for (const mesh of [tube, casing, joints, casingJoints]) mesh.frustumCulled = false;

    const a = new THREE.Vector3(), b = new THREE.Vector3(), dir = new THREE.Vector3();
    const q = new THREE.Quaternion(), s = new THREE.Vector3(), m = new THREE.Matrix4();
    const up = new THREE.Vector3(0, 1, 0);
    for (let i = 0; i < count; i++) {
      a.fromArray(pts, 3 * i);
      m.makeTranslation(a.x, a.y, a.z);
      joints.setMatrixAt(i, m);
      casingJoints.setMatrixAt(i, m);
      if (i + 1 < count) {
        b.fromArray(pts, 3 * i + 3);
        dir.subVectors(b, a);
        const len = dir.length();
        if (len > 1e-9) q.setFromUnitVectors(up, dir.divideScalar(len)); else q.identity();
        s.set(1, len, 1);
        m.compose(a.clone().add(b).multiplyScalar(0.5), q, s);
        tube.setMatrixAt(i, m);
        casing.setMatrixAt(i, m);
      }
    }

    // The ball: the racer's colour, a white ring and a dark rim (back faces of larger spheres), like
    // the map's, and a pale ghost that shows it through a hill that hides it.
    const ball = new THREE.Group();
    ball.add(new THREE.Mesh(this.parts.ball, own(new THREE.MeshLambertMaterial({ color: colour }))));
    const halo = new THREE.Mesh(this.parts.ball, this.parts.halo);
    halo.scale.setScalar(1.3);
    const rim = new THREE.Mesh(this.parts.ball, this.parts.rim);
    rim.scale.setScalar(1.45);
    // The ghost is drawn after the surface and trails but before the balls, ignoring depth: where
    // the ball is in sight it paints over its ghost; where a hill hides it, the pale ghost remains.
    const ghost = new THREE.Mesh(this.parts.ball, own(new THREE.MeshBasicMaterial({
      color: colour.clone().lerp(new THREE.Color(0xffffff), 0.3), depthTest: false, depthWrite: false,
    })));
    ghost.renderOrder = 1;
    ball.add(halo, rim, ghost);
    for (const part of [ball.children[0], halo, rim]) part.renderOrder = 2;

    const group = new THREE.Group();
    group.add(casing, casingJoints, tube, joints, ball);
    return { track, count, points: pts, group, tube, casing, joints, casingJoints, ball };
  }

  // ---- camera and drawing ----------------------------------------------------------------------

  resize() {
    const width = Math.floor(this.host.clientWidth);
    if (width <= 0) return;
    // wide screens get a landscape frame; phones a squarer one, never taller than the screen allows
    const height = Math.round(Math.max(240, Math.min(width * (width < 600 ? 0.92 : 0.7), window.innerHeight - 200)));
    this.renderer.setSize(width, height);
    this.camera.aspect = width / height;
    this.fit();
    this.onResize(width);
  }

  /** Distance at which the whole box fits the frame at any angle, from its bounding sphere. */
  fit() {
    const box = this.box || { sx: 1, sz: 1 };
    const radius = Math.hypot(box.sx, box.sz, HEIGHT / 2);
    const vertical = FOV * DEG / 2;
    const horizontal = Math.atan(Math.tan(vertical) * this.camera.aspect);
    this.fitDistance = radius / Math.sin(Math.min(vertical, horizontal));
    this.camera.updateProjectionMatrix();
    this.requestRender();
  }

  requestRender() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(this.render);
  }

  render() {
    this.pending = false;
    if (!this.renderer) return;
    const [dx, dy, dz] = this.orbit.direction();
    const d = this.fitDistance * this.orbit.distance;
    const target = new THREE.Vector3(0, HEIGHT * 0.15, 0);
    this.camera.position.set(target.x + dx * d, target.y + dy * d, target.z + dz * d);
    this.camera.lookAt(target);
    this.renderer.render(this.scene, this.camera);
    const o = this.orbit;
    this.panel.dataset.camera = `${Math.round(o.azimuth / DEG)},${Math.round(o.elevation / DEG)},${o.distance.toFixed(2)}`;
    const memory = this.renderer.info.memory;
    // Which surface this frame shows: the counts below belong to it (set-up happens a frame earlier).
    this.panel.dataset.drawn = this.surfaceName ?? '';
    this.panel.dataset.geometries = String(memory.geometries);
    this.panel.dataset.textures = String(memory.textures);
  }

  /** Frees every GPU resource and the context itself; the object is dead afterwards. */
  dispose() {
    this.resizer.disconnect();
    this.orbit.dispose();
    this.setTracks([]);
    for (const g of [this.surfaceGroup, this.startGroup]) if (g) disposeTree(g);
    for (const p of Object.values(this.parts)) p.dispose();
    this.canvas.removeEventListener('webglcontextlost', this.onContextLost);
    this.renderer.dispose();
    this.renderer.forceContextLoss();
    this.renderer = null;
    this.canvas.remove();
    for (const key of ['surface', 'scale', 'minima', 'paths', 'shown', 'camera', 'geometries', 'textures']) {
      delete this.panel.dataset[key];
    }
  }
}

// ---- the still parts: box, mesh, contours, axes, markers ----------------------------------------

/** The map from the surface's window to the box: x across, y into the screen (three's −z), f up. */
function boxFor(land) {
  const [x0, x1, y0, y1] = land.window;
  const span = Math.max(x1 - x0, y1 - y0);
  const k = 2 / span;
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const n = land.grid;
  const shades = land.shades;
  const clampX = (x) => (x < x0 ? x0 : x > x1 ? x1 : x);
  const clampY = (y) => (y < y0 ? y0 : y > y1 ? y1 : y);
  return {
    window: land.window,
    sx: (x1 - x0) * k / 2,
    sz: (y1 - y0) * k / 2,
    // points off the window (a run flying away) are pinned to the box's wall, like the map's balls
    toX: (x) => (clampX(x) - cx) * k,
    toZ: (y) => -(clampY(y) - cy) * k,
    /** The mesh's own height at (x, y): bilinear between its grid points, for the start ring. */
    heightAt(x, y) {
      const gx = (clampX(x) - x0) / (x1 - x0) * (n - 1), gy = (clampY(y) - y0) / (y1 - y0) * (n - 1);
      const i = Math.min(n - 2, Math.floor(gx)), j = Math.min(n - 2, Math.floor(gy));
      const u = gx - i, v = gy - j;
      const at = (ii, jj) => Math.max(0, shades[jj * n + ii]) / 255;
      const t = (1 - u) * (1 - v) * at(i, j) + u * (1 - v) * at(i + 1, j) + (1 - u) * v * at(i, j + 1) + u * v * at(i + 1, j + 1);
      return t * HEIGHT;
    },
  };
}

/** The N×N grid as triangles, each vertex at its shade's height and in its shade's colour. */
function surfaceMesh(land, box) {
  const n = land.grid;
  const shades = land.shades;
  const [x0, x1, y0, y1] = land.window;
  const positions = new Float32Array(3 * n * n);
  const colours = new Float32Array(3 * n * n);
  const c = new THREE.Color();
  for (let j = 0; j < n; j++) {
    const y = y0 + (j / (n - 1)) * (y1 - y0);
    for (let i = 0; i < n; i++) {
      const k = j * n + i;
      const s = shades[k];
      positions[3 * k] = box.toX(x0 + (i / (n - 1)) * (x1 - x0));
      positions[3 * k + 1] = s < 0 ? 0 : (s / 255) * HEIGHT;
      positions[3 * k + 2] = box.toZ(y);
      const rgb = s < 0 ? UNDEFINED_RGB : [VIRIDIS[3 * s], VIRIDIS[3 * s + 1], VIRIDIS[3 * s + 2]];
      c.setRGB(rgb[0] / 255, rgb[1] / 255, rgb[2] / 255, THREE.SRGBColorSpace);
      colours[3 * k] = c.r; colours[3 * k + 1] = c.g; colours[3 * k + 2] = c.b;
    }
  }
  // where f is undefined the map is grey; here there is simply no surface
  const index = [];
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      const a = j * n + i, b = a + 1, d = a + n, e = d + 1;
      if (shades[a] >= 0 && shades[b] >= 0 && shades[e] >= 0) index.push(a, b, e);
      if (shades[a] >= 0 && shades[e] >= 0 && shades[d] >= 0) index.push(a, e, d);
    }
  }
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  geometry.setAttribute('color', new THREE.BufferAttribute(colours, 3));
  geometry.setIndex(new THREE.BufferAttribute(new Uint32Array(index), 1));
  geometry.computeVertexNormals();
  const material = new THREE.MeshLambertMaterial({
    vertexColors: true,
    side: THREE.DoubleSide,
    // pushed back in depth so the contour lines and trails on it always win
    polygonOffset: true, polygonOffsetFactor: 1, polygonOffsetUnits: 1,
  });
  return new THREE.Mesh(geometry, material);
}

/** The map's contour lines, each at its level's height: light over the low ground, dark over the peaks. */
function contourLines(land, box) {
  const light = [], dark = [];
  for (const level of land.contours || []) {
    const h = (level.shade / 255) * HEIGHT + 0.003;
    const out = level.shade < 170 ? light : dark;
    for (const p of level.paths) {
      for (let k = 0; k + 3 < p.length; k += 2) {
        out.push(box.toX(p[k]), h, box.toZ(p[k + 1]), box.toX(p[k + 2]), h, box.toZ(p[k + 3]));
      }
    }
  }
  const group = new THREE.Group();
  for (const [points, colour, opacity] of [[light, 0xffffff, 0.5], [dark, 0x141428, 0.35]]) {
    if (!points.length) continue;
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.Float32BufferAttribute(points, 3));
    group.add(new THREE.LineSegments(geometry, new THREE.LineBasicMaterial({ color: colour, transparent: true, opacity })));
  }
  return group.children.length ? group : null;
}

/** The box's floor outline and its tall back edge, x and y ticks along the front and left edges. */
function axes(box) {
  const group = new THREE.Group();
  const { sx, sz } = box;
  const edges = [
    -sx, 0, sz, sx, 0, sz, sx, 0, sz, sx, 0, -sz, sx, 0, -sz, -sx, 0, -sz, -sx, 0, -sz, -sx, 0, sz,
    -sx, 0, -sz, -sx, HEIGHT, -sz, // the f axis, at the back left corner
  ];
  const [x0, x1, y0, y1] = box.window;
  const tickMarks = [];
  const labels = [];
  const xTicks = niceTicks(x0, x1, 5), yTicks = niceTicks(y0, y1, 5);
  for (const v of xTicks) {
    const x = box.toX(v);
    tickMarks.push(x, 0, sz, x, 0, sz + 0.04);
    labels.push(label(tick(v), x, 0, sz + 0.12, 0.08));
  }
  for (const v of yTicks) {
    const z = box.toZ(v);
    tickMarks.push(-sx, 0, z, -sx - 0.04, 0, z);
    labels.push(label(tick(v), -sx - 0.15, 0, z, 0.08));
  }
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.Float32BufferAttribute(edges.concat(tickMarks), 3));
  group.add(new THREE.LineSegments(geometry, new THREE.LineBasicMaterial({ color: 0x5b6170 })));
  group.add(...labels);
  // the axes' names beyond their last ticks, clear of the numbers
  group.add(label('x', sx + 0.16, 0, sz + 0.12, 0.11, true));
  group.add(label('y', -sx - 0.15, 0, -sz - 0.2, 0.11, true));
  group.add(label('f', -sx, HEIGHT + 0.09, -sz, 0.11, true));
  return group;
}

/** A text sprite: always faces the camera, drawn into a small canvas texture. */
function label(text, x, y, z, height, italic = false) {
  const px = 48;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  const font = italic ? `italic ${px}px Georgia, serif` : `${px}px system-ui, sans-serif`;
  ctx.font = font;
  canvas.width = Math.ceil(ctx.measureText(text).width) + 8;
  canvas.height = Math.ceil(px * 1.25);
  ctx.font = font;
  ctx.fillStyle = '#3c4250';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, 4, canvas.height / 2);
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  const sprite = new THREE.Sprite(new THREE.SpriteMaterial({ map: texture, transparent: true }));
  sprite.scale.set(height * canvas.width / canvas.height, height, 1);
  sprite.position.set(x, y, z);
  return sprite;
}

/** A known minimum: a white pin pointing down at it, as the map's dashed crosshair marks it. */
function minimumMarker(m, box) {
  const group = new THREE.Group();
  const pin = new THREE.ConeGeometry(0.022, 0.075, 16);
  pin.rotateX(Math.PI); // tip down
  const white = new THREE.Mesh(pin, new THREE.MeshBasicMaterial({ color: 0xffffff }));
  const outline = new THREE.Mesh(pin, new THREE.MeshBasicMaterial({ color: 0x1d2230, side: THREE.BackSide }));
  outline.scale.setScalar(1.25);
  group.add(white, outline);
  // the tip well above a ball's height, so a ball resting in the minimum stays in sight under it
  group.position.set(box.toX(m.x), box.heightAt(m.x, m.y) + 4 * BALL + 0.0375, box.toZ(m.y));
  return group;
}

/** The start: a flat white ring with a dark casing, like the map's start marker. */
function startMarker(start, box) {
  const group = new THREE.Group();
  const ring = new THREE.TorusGeometry(0.045, 0.007, 8, 40);
  ring.rotateX(Math.PI / 2);
  const casing = new THREE.TorusGeometry(0.045, 0.012, 8, 40);
  casing.rotateX(Math.PI / 2);
  group.add(new THREE.Mesh(casing, new THREE.MeshBasicMaterial({ color: 0x000000, transparent: true, opacity: 0.6 })));
  group.add(new THREE.Mesh(ring, new THREE.MeshBasicMaterial({ color: 0xffffff })));
  group.position.set(box.toX(start[0]), box.heightAt(start[0], start[1]) + LIFT, box.toZ(start[1]));
  return group;
}

/** Disposes every geometry, material and texture under an object (shared ones are not in these trees). */
function disposeTree(root) {
  root.traverse((o) => {
    if (o.geometry) o.geometry.dispose();
    if (o.material) {
      if (o.material.map) o.material.map.dispose();
      o.material.dispose();
    }
  });
}
