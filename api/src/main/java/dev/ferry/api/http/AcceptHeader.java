package dev.ferry.api.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a request's {@code Accept} headers allow a media type, by HTTP's rules (RFC 9110,
 * 12.5.1): no header accepts anything; otherwise the most specific range that matches the
 * type decides ({@code text/event-stream} over {@code text/*} over {@code *}{@code /*}), and a
 * quality of 0 refuses. Unreadable entries are skipped, as a browser's extras would be.
 */
public final class AcceptHeader {
    private static final int NO_MATCH = -1;
    private static final double UNREADABLE = -1;
    /** RFC 9110's qvalue: 0 to 1 with at most three decimals. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    private AcceptHeader() {}

    /** @param headers every {@code Accept} header of the request, in order */
    public static boolean allows(List<String> headers, String mediaType) {
        String[] wanted = mediaType.toLowerCase(Locale.ROOT).split("/", 2);
        int bestSpecificity = NO_MATCH;
        double quality = 0;
        boolean any = false;
        for (String header : headers) {
            for (String entry : header.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                any = true;
                String[] parts = entry.split(";");
                int specificity = specificity(parts[0].strip().toLowerCase(Locale.ROOT), wanted);
                double q = quality(parts);
                if (specificity > bestSpecificity && q != UNREADABLE) {
                    bestSpecificity = specificity;
                    quality = q;
                }
            }
        }
        return !any || quality > 0;
    }

    /** 2 for the exact type, 1 for {@code type/*}, 0 for {@code *}{@code /*}, {@link #NO_MATCH} otherwise. */
    private static int specificity(String range, String[] wanted) {
        String[] typeAndSubtype = range.split("/", 2);
        if (typeAndSubtype.length != 2) {
            return NO_MATCH;
        }
        String type = typeAndSubtype[0].strip();
        String subtype = typeAndSubtype[1].strip();
        if (type.equals("*") && subtype.equals("*")) {
            return 0;
        }
        if (!type.equals(wanted[0])) {
            return NO_MATCH;
        }
        if (subtype.equals("*")) {
            return 1;
        }
        return subtype.equals(wanted[1]) ? 2 : NO_MATCH;
    }

    /** The {@code q} parameter: 1 when absent, {@link #UNREADABLE} when it is no qvalue. */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("q")) {
                String value = parameter[1].strip();
                return QVALUE.matcher(value).matches() ? Double.parseDouble(value) : UNREADABLE;
            }
        }
        return 1;
    }
}
