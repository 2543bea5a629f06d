package dev.ferry.demos.clustering;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The file name an item's pictures get: its number in the job, zero-padded so files sort in
 * input order, then a file-name-safe tail of its source, e.g. {@code 0003-shapes.zip_star_2}
 * for {@code shapes.zip!/star_2.png}. The number makes it unique; the tail makes it readable.
 */
final class MemberName {
    static final int MAX_TAIL = 48;
    private static final Pattern SCHEME_AND_HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*/?");
    private static final Pattern IMAGE_EXTENSION = Pattern.compile("\\.(jpe?g|png|tiff?|webp|bmp)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private MemberName() {}

    /** @param number the item's number in the job, from 1 */
    static String of(int number, String source) {
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
