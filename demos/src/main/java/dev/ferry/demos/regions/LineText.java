package dev.ferry.demos.regions;

import java.util.ArrayList;
import java.util.List;

/**
 * The text read in one line, with each character's confidence and place along the line.
 *
 * @param confidence the mean of the characters' confidences (as PaddleOCR scores a line); 0 for no text
 */
record LineText(String text, double confidence, List<Glyph> glyphs) {
    static final LineText EMPTY = new LineText("", 0, List.of());

    /**
     * One character.
     *
     * @param confidence its mean probability over the frames that emit it
     * @param start      where it begins along the line, from 0 (the line's start) to 1 (its end)
     * @param end        where it ends, likewise
     */
    record Glyph(String text, double confidence, double start, double end) {}

    /** A word: characters between spaces, its confidence their mean. */
    record Word(String text, double confidence, double start, double end) {}

    static LineText of(List<Glyph> glyphs) {
        StringBuilder text = new StringBuilder();
        double sum = 0;
        for (Glyph g : glyphs) {
            text.append(g.text());
            sum += g.confidence();
        }
        return new LineText(text.toString(), glyphs.isEmpty() ? 0 : sum / glyphs.size(), List.copyOf(glyphs));
    }

    /** The same line read the other way along (its crop was turned 180° before it was read). */
    LineText reversedPlaces() {
        return new LineText(text, confidence, glyphs.stream()
                .map(g -> new Glyph(g.text(), g.confidence(), 1 - g.end(), 1 - g.start())).toList());
    }

    List<Word> words() {
        List<Word> words = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        for (Glyph g : glyphs) {
            if (g.text().isBlank()) {
                addWord(words, current);
                current.clear();
            } else {
                current.add(g);
            }
        }
        addWord(words, current);
        return words;
    }

    private static void addWord(List<Word> words, List<Glyph> glyphs) {
        if (glyphs.isEmpty()) {
            return;
        }
        LineText word = of(glyphs);
        double start = glyphs.stream().mapToDouble(g -> Math.min(g.start(), g.end())).min().orElse(0);
        double end = glyphs.stream().mapToDouble(g -> Math.max(g.start(), g.end())).max().orElse(0);
        words.add(new Word(word.text(), word.confidence(), start, end));
    }
}
