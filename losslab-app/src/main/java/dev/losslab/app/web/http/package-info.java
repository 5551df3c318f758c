/**
 * The edge every request crosses and no endpoint in it: routing, headers, body and query limits, the
 * compute deadline, static files, strict JSON, and errors mapped to one answer shape. Parameters are
 * parsed here once ({@link dev.losslab.app.web.http.QueryParams}, {@link dev.losslab.app.web.http.Surfaces})
 * so every endpoint accepts and refuses alike.
 */
package dev.losslab.app.web.http;
