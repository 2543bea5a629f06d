package dev.ferry.app.cli;

import dev.ferry.demos.inference.ModelStatus;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Models as a plain-text table for the terminal, then why each unusable one is so and what to do. */
final class ModelTable {
    private static final String[] HEADER = {"DEMO", "MODEL", "TASK", "STATE", "SIZE", "SOURCE"};

    private ModelTable() {}

    static void print(List<ModelStatus> models, PrintStream out) {
        if (models.isEmpty()) {
            out.println("no models");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ModelStatus m : models) {
            rows.add(new String[] {m.demo(), m.model(), dash(m.task()), m.state().wireName(), size(m.sizeBytes()),
                dash(m.source())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        for (ModelStatus m : models) {
            if (!m.usable()) {
                out.println();
                out.println(m.demo() + "/" + m.model() + " is " + m.state().wireName() + ": " + m.detail());
            }
        }
    }

    static String size(long bytes) {
        if (bytes <= 0) {
            return "-";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    private static String dash(String text) {
        return text.isBlank() ? "-" : text;
    }
}
