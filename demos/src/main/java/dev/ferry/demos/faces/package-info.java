/**
 * The {@code faces} demo: every face on each page, and with an emotion model what each one
 * shows. The reference (parameters, inputs, contract, outputs) is {@code docs/demos.md}.
 *
 * <p><b>Detection</b>: OpenCV's {@code haarcascade_frontalface_alt.xml}, taken from the
 * OpenCV jar on first use; no download, no confidence score (the field is left out).
 *
 * <p><b>Emotion model</b> (optional): a model of the store, {@code models/faces/<model>/}
 * ({@code model.onnx} beside {@code model.json}, task {@code fer_plus}), loaded through the
 * shared inference core like every model ({@link dev.ferry.demos.inference.Inference}: one
 * session per worker shared by its jobs, checked against its sha256, warmed up, LRU-unloaded,
 * runs stopped inside ONNX Runtime when the job is cancelled). FER+ contract: input
 * {@code [1,1,64,64]} float, the face cropped from its box, grayscale, raw 0–255 values;
 * output one score per label (neutral, happiness, surprise, sadness, anger, disgust, fear,
 * contempt), softmaxed unless already a distribution. Without the model the job succeeds
 * with faces only and its {@code note} gives the command that installs it.
 *
 * <p><b>ONNX face detector contract</b> (documented, not yet implemented): an UltraFace-style
 * model, {@code task} {@code face_detection}, input {@code [1,3,H,W]} RGB normalised
 * {@code (px - 127) / 128}, outputs {@code scores [1,N,2]} (background, face) and
 * {@code boxes [1,N,4]} corners relative to the input size; boxes above
 * {@code thresholds.confidence} kept after NMS at {@code thresholds.iou}, mapped back to page
 * pixels, with the face score as {@code confidence}. It would implement
 * {@link dev.ferry.demos.faces.FaceDetector} beside the Haar one.
 *
 * <p><b>Outputs</b>: {@code faces.json} ({@link dev.ferry.demos.faces.FacesReport}) and
 * {@code annotated/page-NNNN.jpg}. Pages go through {@link dev.ferry.demos.media.PageLoop} like
 * every page-based demo's: a page that fails is listed and the job goes on; it fails
 * ({@code bad_input}) only when no page could be processed.
 */
package dev.ferry.demos.faces;
