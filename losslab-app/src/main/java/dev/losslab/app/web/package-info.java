/**
 * The web lab: {@link dev.losslab.app.web.WebServer} alone, because it is the one place that knows
 * every route and binds it to its endpoint. Below it, three packages depend one way only:
 * {@code api} (the endpoints) and {@code jobs} (long map work) use {@code http} (the edge every request
 * crosses), {@code api} also uses {@code jobs}' map work, and {@code http} knows none of them.
 */
package dev.losslab.app.web;
