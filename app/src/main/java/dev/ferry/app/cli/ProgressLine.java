package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.OptionalInt;

/**
 * A waiting job's state, percent and progress message. On a terminal one line is redrawn in
 * place with a bar; otherwise (a log, a pipe) each change is a line of its own, so a log
 * keeps the history without carriage returns in it.
 */
final class ProgressLine {
    private static final int BAR = 20;
    /** Wider than a terminal's line would wrap, and a wrapped line cannot be redrawn in place. */
    private static final int TERMINAL_WIDTH = 79;

    private final PrintStream out;
    private final boolean terminal;
    private String shown = "";

    ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** On standard error, so that standard output holds only the job; redrawn when there is a console. */
    static ProgressLine onStandardError() {
        return new ProgressLine(System.err, System.console() != null);
    }

    /** Shows the job as last polled, if anything changed. */
    void show(JsonNode job) {
        String line = terminal ? fit(bar(job) + describe(job)) : describe(job);
        if (line.equals(shown)) {
            return;
        }
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, shown.length() - line.length())));
        } else {
            out.println(line);
        }
        out.flush();
        shown = line;
    }

    /** Ends the redrawn line, so what is printed next starts on a line of its own. */
    void end() {
        if (terminal && !shown.isEmpty()) {
            out.println();
        }
    }

    /** {@code running 40% step 4 of 10}; the percent and message only when the job reported progress. */
    static String describe(JsonNode job) {
        StringBuilder line = new StringBuilder(job.path("state").asText("unknown"));
        percent(job).ifPresent(p -> line.append(' ').append(p).append('%'));
        String message = job.path("progress").path("message").asText("");
        if (!message.isEmpty()) {
            line.append(' ').append(message);
        }
        return line.toString();
    }

    private static String bar(JsonNode job) {
        OptionalInt percent = percent(job);
        if (percent.isEmpty()) {
            return "";
        }
        int filled = percent.getAsInt() * BAR / 100;
        return "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] ";
    }

    private static OptionalInt percent(JsonNode job) {
        JsonNode progress = job.path("progress");
        long total = progress.path("total").asLong(0);
        if (total <= 0) {
            return OptionalInt.empty();
        }
        long current = Math.min(total, Math.max(0, progress.path("current").asLong(0)));
        return OptionalInt.of((int) (100 * current / total));
    }

    private static String fit(String line) {
        return line.length() <= TERMINAL_WIDTH ? line : line.substring(0, TERMINAL_WIDTH - 1) + "…";
    }
}
