package dev.ferry.demos.regions;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A page's text lines as read: each line's region (its box on the page, in reading order)
 * and its text, from which the page's plain text, ALTO and hOCR are written.
 */
record PageText(int page, String source, int width, int height, List<Line> lines) {

    /** One line: its region and the text in it. */
    record Line(Region region, LineText text) {
        /** A word's box on the page: the line's height, the word's stretch of its width. */
        int[] wordBox(LineText.Word w) {
            Region r = region;
            int x = r.x() + (int) Math.round(w.start() * r.width());
            int width = Math.max(1, (int) Math.round((w.end() - w.start()) * r.width()));
            return new int[] {x, r.y(), Math.min(width, r.x() + r.width() - x), r.height()};
        }
    }

    /** One line of text per line read, in reading order; lines with no text are left out. */
    String plain() {
        return lines.stream().map(l -> l.text().text().strip()).filter(t -> !t.isEmpty())
                .collect(Collectors.joining("\n", "", lines.isEmpty() ? "" : "\n"));
    }

    /** The smallest box holding every line: {x, y, width, height}. */
    int[] extent() {
        int x1 = lines.stream().mapToInt(l -> l.region().x()).min().orElse(0);
        int y1 = lines.stream().mapToInt(l -> l.region().y()).min().orElse(0);
        int x2 = lines.stream().mapToInt(l -> l.region().x() + l.region().width()).max().orElse(0);
        int y2 = lines.stream().mapToInt(l -> l.region().y() + l.region().height()).max().orElse(0);
        return new int[] {x1, y1, x2 - x1, y2 - y1};
    }
}
