/**
 * Pictures of a surface over a window, as numbers: the surface sampled on a grid
 * ({@link dev.losslab.core.field.SampledField}), a colour scale that maps values to 256 shades,
 * linear or logarithmic ({@link dev.losslab.core.field.ColorScale}), contour lines by marching
 * squares joined into polylines in world coordinates ({@link dev.losslab.core.field.MarchingSquares}),
 * and all of it together ({@link dev.losslab.core.field.FieldPicture}). Pure maths: the web API
 * shapes it as JSON, the page only draws it.
 */
package dev.losslab.core.field;
