package dev.ferry.demos.asr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * transcript.srt and transcript.vtt: the words in cues of at most two lines of
 * {@value #LINE} characters and {@value #MAX_CUE_S} seconds, a cue never spanning two
 * segments or a pause of more than {@value #MAX_PAUSE_S} s, so captions stay readable.
 */
final class Subtitles {
    static final int LINE = 42;
    static final double MAX_CUE_S = 7;
    static final double MAX_PAUSE_S = 1;

    /** One caption: its time span and its lines. */
    record Cue(double start, double end, List<String> lines) {}

    private Subtitles() {}

    static List<Cue> cues(List<TranscribedSegment> segments) {
        List<Cue> out = new ArrayList<>();
        for (TranscribedSegment segment : segments) {
            List<Word> cue = new ArrayList<>();
            for (Word w : segment.words()) {
                if (!cue.isEmpty() && !fits(cue, w)) {
                    out.add(cue(cue));
                    cue = new ArrayList<>();
                }
                cue.add(w);
            }
            if (!cue.isEmpty()) {
                out.add(cue(cue));
            }
        }
        return out;
    }

    static String srt(List<Cue> cues) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cues.size(); i++) {
            Cue c = cues.get(i);
            s.append(i + 1).append('\n')
                    .append(time(c.start(), ',')).append(" --> ").append(time(c.end(), ',')).append('\n')
                    .append(String.join("\n", c.lines())).append("\n\n");
        }
        return s.toString();
    }

    static String vtt(List<Cue> cues) {
        StringBuilder s = new StringBuilder("WEBVTT\n\n");
        for (Cue c : cues) {
            s.append(time(c.start(), '.')).append(" --> ").append(time(c.end(), '.')).append('\n')
                    .append(String.join("\n", c.lines())).append("\n\n");
        }
        return s.toString();
    }

    /** {@code HH:MM:SS,mmm} (SRT) or {@code HH:MM:SS.mmm} (WebVTT). */
    static String time(double seconds, char separator) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                separator, ms % 1000);
    }

    private static boolean fits(List<Word> cue, Word next) {
        Word last = cue.get(cue.size() - 1);
        if (next.start() - last.end() > MAX_PAUSE_S || next.end() - cue.get(0).start() > MAX_CUE_S) {
            return false;
        }
        List<Word> longer = new ArrayList<>(cue);
        longer.add(next);
        return lines(longer).size() <= 2;
    }

    private static Cue cue(List<Word> words) {
        return new Cue(words.get(0).start(), words.get(words.size() - 1).end(), lines(words));
    }

    /** The words wrapped at {@value #LINE} characters; a longer word has a line to itself. */
    private static List<String> lines(List<Word> words) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (Word w : words) {
            if (!line.isEmpty() && line.length() + 1 + w.text().length() > LINE) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(w.text());
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
