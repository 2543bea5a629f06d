package dev.ferry.compat.mood;

import java.util.Locale;

/**
 * The HTML fragments the mood page inserts as they come (rekognition.py,
 * {@code get_features_from_json} and {@code AWSmood}), every value escaped: the original
 * inserted the server's strings unescaped.
 */
final class MoodPage {
    static final String NOBODY = "nobody on picture...\n";
    static final String NO_EMOTIONS = "<kbd> NO EMOTIONS </kbd>";

    private MoodPage() {}

    /** /get_picture/'s answer: one face's table, how many faces there are, or nobody. */
    static String picture(MoodFaces found) {
        int n = found.faces().size();
        if (n == 0) {
            return NOBODY;
        }
        if (n > 1) {
            return escape(Integer.toString(n)) + " faces found on picture...\n";
        }
        return table(found.faces().get(0));
    }

    /** /analyze/'s answer: the strongest emotion of the face, as a percentage with one decimal. */
    static String mood(MoodFaces found) {
        return found.largest().flatMap(MoodFaces.Face::emotion)
                .map(e -> "<kbd>YOU ARE " + escape(e.label().toUpperCase(Locale.ROOT)) + " (AT " + escape(percent(e.confidence()))
                        + "%)</kbd>")
                .orElse(NO_EMOTIONS);
    }

    /** A refusal, in the same plain shape as the page's other messages. */
    static String refusal(String reason) {
        return escape(reason) + "...\n";
    }

    private static String table(MoodFaces.Face face) {
        StringBuilder html = new StringBuilder("<table class=\"table table-sm table-striped bg-light m-2\">");
        row(html, "BoundingBox", face.width() + " × " + face.height() + " at (" + face.x() + ", " + face.y() + ")", "px");
        face.score().ifPresent(score -> row(html, "Confidence", "face", percent(score)));
        face.emotion().ifPresent(e -> row(html, "Emotion", e.label().toUpperCase(Locale.ROOT), percent(e.confidence())));
        return html.append("</table>").toString();
    }

    private static void row(StringBuilder html, String attribute, String value, String detail) {
        html.append("<tr><td>").append(escape(attribute)).append("</td><td>").append(escape(value)).append("</td><td>")
                .append(escape(detail)).append("</td></tr>");
    }

    /** Rekognition's confidences are percentages; the page shows them with one decimal. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f", fraction * 100);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
