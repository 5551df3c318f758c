/**
 * Long map work (basins, sweeps, SGD statistics), parsed once into a {@link dev.losslab.app.web.jobs.MapWork}
 * that a GET endpoint computes on the request thread or {@code /api/jobs} computes in the background,
 * with progress, cancel and bounded lifetimes ({@link dev.losslab.app.web.jobs.Jobs}).
 */
package dev.losslab.app.web.jobs;
