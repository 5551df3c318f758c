/**
 * The API's endpoints, one class each (docs/API.md): each parses its request, asks the core, and
 * renders the answer through {@link dev.losslab.app.output.JsonViews}, shared with the CLI, or
 * writes it straight to the response when it is large (a race, a landscape).
 */
package dev.losslab.app.web.api;
