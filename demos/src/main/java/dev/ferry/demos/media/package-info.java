/**
 * A job's inputs as documents made of pages, shared by every image demo.
 *
 * <p>Entry point: the process's {@link dev.ferry.demos.media.MediaReader}, handed to a demo by
 * its factory ({@code DemoServices.media()}), then {@link dev.ferry.demos.media.MediaReader#pages(java.util.List)}
 * over {@code DemoContext.inputs()}; iterate the {@link dev.ferry.demos.media.PageRef}s, call
 * {@code load()} on each (a {@link dev.ferry.demos.media.MediaException} fails that page
 * alone, with a code and a reason for the job's result), close each
 * {@link dev.ferry.demos.media.Page} after use. Pages are decoded one at a time. A page-based
 * demo hands its pages to {@link dev.ferry.demos.media.PageLoop}, which decodes one page ahead
 * on a thread of its own, reports progress and lists failed pages in one shape
 * ({@link dev.ferry.demos.media.FailedPage}); the demo says only what it does with a page. The
 * limits and settings are documented in {@code docs/demos.md}.
 *
 * <p>What an input file is comes from its bytes, never its name:
 * <ul>
 *   <li>JPEG, PNG, TIFF (first page), WebP, BMP: one page. The header's pixel count is
 *       checked against {@code FERRY_MAX_PIXELS} before decoding; a file cut short is
 *       refused as truncated instead of decoding to a half-grey page.</li>
 *   <li>ZIP: one page per image entry, in name order; entry count, inflated bytes and
 *       compression ratio are limited, escaping entry names refused, other files skipped
 *       with a warning.</li>
 *   <li>PDF: one page per PDF page, rendered with PDFBox at {@code FERRY_PDF_DPI}.</li>
 *   <li>JSON: a {@link dev.ferry.core.storage.InputSpec} (the API's {@code NNN-inputs.json}:
 *       {@code {"inputs":[{"url":"..."}]}}) or a IIIF Presentation manifest. Each URL is
 *       fetched by {@link dev.ferry.demos.media.UrlFetcher} and recognised the same way:
 *       image, PDF, ZIP or IIIF manifest (v2 or v3, each canvas requested at
 *       {@code FERRY_IIIF_MAX_SIZE}). Each job entry ({@code {"job":"<id>","files":"crops/*"}})
 *       is one page per matching image in that job's outputs folder, read in place and
 *       named {@code <job id>/<path>}.</li>
 * </ul>
 *
 * <p>One decoder: OpenCV's {@code imdecode}, which reads all five formats natively, is the
 * library the demos already compute with, and leaves pages in native memory instead of
 * copying them through Java2D; only PDF pages pass through a {@code BufferedImage}.
 */
package dev.ferry.demos.media;
