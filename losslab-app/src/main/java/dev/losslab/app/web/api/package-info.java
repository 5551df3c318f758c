/**
 * The API's endpoints, one class each (docs/API.md): each parses its request, asks the core, and
 * renders the answer through {@link dev.losslab.app.output.JsonViews}, shared with the CLI, or
 * writes it straight to the response when it is large (a race, a landscape). No maths and no
 * defaults here: every number an endpoint answers is the core's.
 */
package dev.losslab.app.web.api;
