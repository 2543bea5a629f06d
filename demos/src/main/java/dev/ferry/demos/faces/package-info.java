/**
 * The {@code faces} demo: every face on each page, and with an emotion model what each one shows.
 *
 * <p><b>Parameters</b>: {@code model} (emotion model name, default {@code ferplus}),
 * {@code min_face_size} (px, default 30), {@code scale_factor} (default 1.1),
 * {@code min_neighbors} (default 4), {@code max_side} (pages are scaled down to this
 * longest side for detection, default 1600; boxes are reported in original pixels).
 *
 * <p><b>Detection</b>: OpenCV's {@code haarcascade_frontalface_alt.xml}, taken from the
 * OpenCV jar on first use; no download, no confidence score (the field is left out).
 *
 * <p><b>Emotion model</b> (optional): {@code <data>/models/faces/<model>/model.onnx} with
 * {@code model.json} in the model store's contract format. FER+ contract: input
 * {@code [1,1,64,64]} float, the face cropped from the detection box, grayscale, raw
 * 0–255 values ({@code normalize.scale} 1, mean 0, std 1); output 8 scores in the order of
 * {@code labels} (neutral, happiness, surprise, sadness, anger, disgust, fear, contempt).
 * Logits are turned into probabilities with softmax; an output that already is a
 * distribution is kept. Without the model the job succeeds with faces only and its
 * result's {@code note} says to run {@code ferry models pull faces}.
 *
 * <p><b>ONNX face detector contract</b> (documented, not yet implemented): an UltraFace-style
 * model, {@code task} {@code face_detection}, input {@code [1,3,H,W]} RGB normalised
 * {@code (px - 127) / 128}, outputs {@code scores [1,N,2]} (background, face) and
 * {@code boxes [1,N,4]} corners relative to the input size; boxes above
 * {@code thresholds.confidence} kept after NMS at {@code thresholds.iou}, mapped back to page
 * pixels, with the face score as {@code confidence}. It would implement
 * {@link dev.ferry.demos.faces.FaceDetector} beside the Haar one.
 *
 * <p><b>Outputs</b>: {@code faces.json} ({@link dev.ferry.demos.faces.FacesReport}: per page
 * its number, source, size, annotated file and faces with {@code box}, {@code confidence}
 * when known, {@code emotions} most likely first and {@code dominant_emotion}; plus
 * {@code failed_pages} with code and reason, and {@code warnings}) and
 * {@code annotated/page-NNNN.jpg}, each page with its boxes and dominant emotions drawn.
 * The job fails ({@code bad_input}) only when no page could be read.
 */
package dev.ferry.demos.faces;
