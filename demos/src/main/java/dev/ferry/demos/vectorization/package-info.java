/**
 * The {@code vectorization} demo: the lines, circles and arcs of line drawings on scanned
 * pages, as SVG, JSON and an overlay per page, and a ZIP of them all. The reference
 * (parameters, engines, the ONNX contract, outputs) is {@code docs/demos.md}.
 *
 * <p><b>OpenCV engine</b> ({@link dev.ferry.demos.vectorization.StrokeVectorizer}), no model:
 * ink by division with the local paper brightness ({@code Binarizer}), Zhang–Suen centre lines
 * ({@code Skeleton}, {@code StrokeTracer}), strokes cut into straight and curved pieces
 * ({@code StrokeSplitter}: total-least-squares lines, algebraic circle fits refined
 * geometrically), pieces gathered across junctions into circles and arcs
 * ({@code CurveAssembler}) and lines ({@code LineAssembler}), ink deciding which gaps to bridge
 * and where strokes end.
 *
 * <p><b>ONNX engine</b> ({@code OnnxVectorizer}, {@code PrimitiveDecoder}): a DETR-style
 * primitive detector of the {@code primitives} contract, loaded through the shared inference
 * core ({@link dev.ferry.demos.inference.Inference}).
 *
 * <p><b>Pages</b> come from the shared media reader, decoded one ahead
 * ({@link dev.ferry.demos.media.PageLoop}); each page, or each of its {@code regions},
 * goes through {@code VectorizationPipeline}; {@code VectorizationWriter} writes the files
 * behind. {@link dev.ferry.demos.vectorization.Diagrams} draws test diagrams with their ground
 * truth for the tests and {@link dev.ferry.demos.vectorization.VectorizationBenchmark}.
 */
package dev.ferry.demos.vectorization;
