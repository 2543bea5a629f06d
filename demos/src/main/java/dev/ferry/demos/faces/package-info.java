/**
 * The {@code faces} demo: every face on each page, and with an emotion model what each one
 * shows. The reference (parameters, inputs, contract, outputs) is {@code docs/demos.md}.
 *
 * <p><b>Detection</b> ({@link dev.ferry.demos.faces.FaceDetectors}): MediaPipe's BlazeFace
 * ({@link dev.ferry.demos.faces.BlazeFaceDetector}, task {@code blazeface}, a model of the
 * store) when it is installed, with a score and six keypoints per face; otherwise OpenCV's
 * {@code haarcascade_frontalface_alt.xml}, taken from the OpenCV jar on first use; no
 * download, no confidence score and no keypoints (the fields are left out).
 *
 * <p><b>Emotion model</b> (optional): a model of the store, {@code models/faces/<model>/}
 * ({@code model.onnx} beside {@code model.json}, task {@code fer_plus}), loaded through the
 * shared inference core like every model ({@link dev.ferry.demos.inference.Inference}: one
 * session per worker shared by its jobs, checked against its sha256, warmed up, LRU-unloaded,
 * runs stopped inside ONNX Runtime when the job is cancelled). The default, {@code emotion},
 * is the mini-XCEPTION FER2013 classifier imported from its TF.js graph on pull: input
 * {@code [N,64,64,1]} (NHWC) grey, {@code (g/255-0.5)*2}; output 7 probabilities (angry,
 * disgust, fear, happy, sad, surprise, neutral). FER+ ({@code ferplus}): input
 * {@code [1,1,64,64]}, raw 0–255 values; 8 logits (neutral, happiness, surprise, sadness,
 * anger, disgust, fear, contempt). Without the model the job succeeds with faces only and
 * its {@code note} gives the command that installs it.
 *
 * <p><b>BlazeFace contract</b> (docs/demos.md, task {@code blazeface}): input {@code input:0}
 * {@code [1,S,S,3]} channels last, {@code x/127.5 - 1}; score logits and boxes with six
 * keypoints over MediaPipe's SSD anchors ({@link dev.ferry.demos.faces.SsdAnchors}), decoded
 * by {@link dev.ferry.demos.faces.BlazeFaceDecoder}, merged by
 * {@link dev.ferry.demos.faces.WeightedNms}, looked for in the page and in tiles
 * ({@link dev.ferry.demos.faces.FaceTiles}) so small faces in large photos are found.
 *
 * <p><b>Outputs</b>: {@code faces.json} ({@link dev.ferry.demos.faces.FacesReport}) and
 * {@code annotated/page-NNNN.jpg}. Pages go through {@link dev.ferry.demos.media.PageLoop} like
 * every page-based demo's: a page that fails is listed and the job goes on; it fails
 * ({@code bad_input}) only when no page could be processed.
 */
package dev.ferry.demos.faces;
