package dev.ferry.demos.media;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name a page's output files start with: its number, zero-padded so files sort in page
 * order, then a file-name-safe tail of its source. The number alone makes it unique (two
 * uploads named {@code scan.jpg}, every page of one PDF); the source makes it readable.
 * <pre>
 *   1, scan.png                                  → 0001-scan
 *   2, scans.zip!/p1.png                         → 0002-scans.zip_p1
 *   3, report.pdf#page=3                         → 0003-report.pdf_page_3
 *   4, https://example.org/iiif/f1/full/!2000,2000/0/default.jpg → 0004-iiif_f1_full_2000_2000_0_default
 * </pre>
 */
public final class PageStem {
    /** Long enough to recognise a file, short enough for any file system with room for the crop suffix. */
    static final int MAX_TAIL = 48;
    private static final Pattern SCHEME_AND_HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*/?");
    private static final Pattern IMAGE_EXTENSION =
            Pattern.compile("\\.(jpe?g|png|tiff?|webp|bmp)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private PageStem() {}

    /** @param number the page's number in the job, from 1 */
    public static String of(int number, String source) {
        String tail = SCHEME_AND_HOST.matcher(source).replaceFirst("");
        tail = IMAGE_EXTENSION.matcher(tail).replaceFirst("");
        tail = UNSAFE.matcher(tail).replaceAll("_");
        if (tail.length() > MAX_TAIL) {
            tail = tail.substring(tail.length() - MAX_TAIL);
        }
        tail = tail.replaceAll("^[._-]+|[._-]+$", "");
        String prefix = String.format(Locale.ROOT, "%04d", number);
        return tail.isEmpty() ? prefix : prefix + "-" + tail;
    }
}
