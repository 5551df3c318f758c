// The page's only door to the numbers: thin wrappers over docs/API.md's endpoints.
// Every failure becomes an ApiError carrying the server's one-sentence message and field; a
// request given an AbortSignal that is aborted rejects with the browser's AbortError instead
// (isAbort), which callers drop: a superseded request is no failure.

export class ApiError extends Error {
  constructor(message, field, status, racer = null) {
    super(message);
    this.name = 'ApiError';
    this.field = field ?? null;
    this.status = status;
    this.racer = racer; // POST /api/race: index of the racer the error is about
  }
}

async function read(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // a non-JSON body (a proxy's error page): fall through to the status line
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : `the server answered ${response.status} ${response.statusText}`;
    throw new ApiError(message, body ? body.field : null, response.status, body && Number.isInteger(body.racer) ? body.racer : null);
  }
  return body;
}

/** Whether `e` is a request's rejection because its signal was aborted. */
export function isAbort(e) {
  return e?.name === 'AbortError';
}

/** One request: a network failure or an error answer becomes an ApiError. */
async function send(url, init) {
  let response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError('cannot reach the LossLab server (is ./losslab serve still running?)', null, 0);
  }
  return read(response);
}

function get(path, params, signal) {
  const query = new URLSearchParams(params).toString();
  return send(query ? `${path}?${query}` : path, { signal });
}

function post(path, body, signal) {
  return send(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });
}

export function catalog() {
  return get('/api/catalog');
}

export function surface(name) {
  return get('/api/surface', { surface: name });
}

/** The surface's picture; without a grid, the API's default one; without a window, the surface's. */
export function landscape(name, grid, window, { signal } = {}) {
  const params = { surface: name };
  if (grid !== undefined) params.grid = String(grid);
  if (window) params.window = window.join(',');
  return get('/api/landscape', params, signal);
}

export function analyze(name, x, y) {
  return get('/api/analyze', { surface: name, at: `${x},${y}` });
}

/** The examples of a surface made of data (regression:…, logistic:…), for drawing them. */
export function data(name) {
  return get('/api/data', { surface: name });
}

export function race(body, { signal } = {}) {
  return post('/api/race', body, signal);
}

/** GD on f = h·x²/2: the factor 1 − lr·h and its regime (monotone, oscillating, orbit, divergent…). */
export function stepFactor(h, lr) {
  return get('/api/step-factor', { h: String(h), lr: String(lr) });
}

/** Adam's first step from a point, with and without bias correction, and their ratio. */
export function adamFirstStep(name, x, y, params = {}) {
  const q = { surface: name, at: `${x},${y}` };
  for (const [k, v] of Object.entries(params)) q[k] = String(v);
  return get('/api/adam-first-step', q);
}

/**
 * How noisy a size-B minibatch gradient is at a point of a surface made of data: the gradient, the
 * batch's covariance and its trace, the noise scale B_simple, and K sampled batch gradients.
 */
export function gradientNoise(name, at, batchSize, samples, seed = 1) {
  return get('/api/gradient-noise', {
    surface: name, at: `${at[0]},${at[1]}`, 'batch-size': String(batchSize), samples: String(samples), seed: String(seed),
  });
}

/** The same race as race(body), as the CLI's CSV or JSON text (for a download). */
export async function raceExport(body, format) {
  const response = await fetch(`/api/race?format=${format}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) return read(response);
  return response.text();
}

/** Where noisy SGD runs end, per noise level (FROM:TO:COUNT). */
export function sgdStats(name, start, noise, runs) {
  return get('/api/sgd-stats', { surface: name, start: `${start[0]},${start[1]}`, noise, runs: String(runs) });
}

/**
 * POST /api/jobs: starts long map work in the background ({kind: 'basins'|'sweep'|'sgd-stats', …the
 * GET parameters}); resolves with {id, state, progress}. A 429 (too many jobs) is an ApiError.
 */
export function startJob(body) {
  return post('/api/jobs', body);
}

/** GET /api/jobs/ID: {state, progress, seconds, result when done, reason/message when cancelled, …}. */
export function job(id) {
  return get(`/api/jobs/${encodeURIComponent(id)}`);
}

/**
 * DELETE /api/jobs/ID: cancels a running job (it reads as cancelled once it has stopped). With
 * keepalive the request outlives the page (used when the page is left mid-job).
 */
export function cancelJob(id, { keepalive = false } = {}) {
  return send(`/api/jobs/${encodeURIComponent(id)}`, { method: 'DELETE', keepalive });
}
