/**
 * Object detection shared by the demos that cut regions out of pages: YOLO models of the
 * {@code yolo} contract (letterbox, decode, class-aware NMS) and the boxes they answer. The
 * regions demo adds text-line detectors; the watermarks demo cuts its queries out with these.
 */
package dev.ferry.demos.detection;
