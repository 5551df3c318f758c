/**
 * The edge every request crosses and no endpoint in it: the HTTP/1.1 server that reads requests off
 * the wire strictly and frames answers ({@link dev.losslab.app.web.http.Http1Server},
 * {@link dev.losslab.app.web.http.RequestHead}, {@link dev.losslab.app.web.http.RequestBody}), routing,
 * headers, body and query limits, the compute deadline, static files, strict JSON, and errors mapped
 * to one answer shape, malformed requests' included. Parameters are
 * parsed here once ({@link dev.losslab.app.web.http.QueryParams}, {@link dev.losslab.app.web.http.Surfaces})
 * so every endpoint accepts and refuses alike.
 */
package dev.losslab.app.web.http;
