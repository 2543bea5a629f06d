package dev.ferry.demos.sorting;

import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.detection.Box;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files a commands job writes: {@code commands.json} (exactly what an arm is sent),
 * {@code sorting.json} (every item and container with the sightings behind it) and
 * {@code report.md} (the same for a person to read).
 */
final class SortingReport {
    static final String COMMANDS = "commands.json";
    static final String DETAILS = "sorting.json";
    static final String REPORT = "report.md";

    /** Where an object was seen: the photo's pulse width, the detector's box ({@code [x1, y1, x2, y2]}) and score. */
    record Seen(int photo, List<Double> box, double score) {}

    record ObjectView(ArmPosition position, Integer container, List<Seen> seenOn) {}

    record Details(List<Integer> photos, ArmConstants arm, List<ObjectView> items, List<ObjectView> containers,
                   List<PickAndDrop> commands, List<String> warnings) {}

    private SortingReport() {}

    static void write(Path dir, List<SessionPhoto> photos, ArmConstants arm, SortingPlan plan, List<String> warnings)
            throws IOException {
        List<PickAndDrop> commands = plan.commands();
        AtomicFiles.write(dir.resolve(COMMANDS), Json.writeBytes(commands));
        List<ObjectView> items = new ArrayList<>();
        for (int i = 0; i < plan.items().size(); i++) {
            Integer container = i < plan.clusterOfItem().length ? plan.clusterOfItem()[i] : null;
            items.add(view(plan.items().get(i), container));
        }
        List<ObjectView> containers = plan.containers().stream().map(c -> view(c, null)).toList();
        List<Integer> photoNames = photos.stream().map(SessionPhoto::pulseWidth).toList();
        AtomicFiles.write(dir.resolve(DETAILS),
                Json.writeBytes(new Details(photoNames, arm, items, containers, commands, warnings)));
        AtomicFiles.write(dir.resolve(REPORT), markdown(photoNames, items, containers, warnings)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectView view(SortingObject o, Integer container) {
        return new ObjectView(o.position(), container, o.sightings().stream()
                .map(s -> new Seen(s.photo(), corners(s.box()), s.score())).toList());
    }

    private static List<Double> corners(Box b) {
        return List.of(b.x1(), b.y1(), b.x2(), b.y2());
    }

    private static String markdown(List<Integer> photos, List<ObjectView> items, List<ObjectView> containers,
                                   List<String> warnings) {
        StringBuilder md = new StringBuilder("# Sorting commands\n\n");
        md.append("Photos (base servo pulse widths): ").append(join(photos)).append("\n\n");
        md.append(items.size()).append(" items, ").append(containers.size()).append(" containers.\n\n");
        for (String warning : warnings) {
            md.append("- ").append(warning).append('\n');
        }
        md.append("\n| container | at (s0, s1) | seen on photos |\n|---|---|---|\n");
        for (int c = 0; c < containers.size(); c++) {
            md.append("| ").append(c + 1).append(" | ").append(at(containers.get(c).position())).append(" | ")
                    .append(photosOf(containers.get(c))).append(" |\n");
        }
        md.append("\n| command | item at (s0, s1) | to container | seen on photos |\n|---|---|---|---|\n");
        for (int i = 0; i < items.size(); i++) {
            ObjectView item = items.get(i);
            md.append("| ").append(i + 1).append(" | ").append(at(item.position())).append(" | ")
                    .append(item.container() == null ? "none" : String.valueOf(item.container() + 1)).append(" | ")
                    .append(photosOf(item)).append(" |\n");
        }
        return md.toString();
    }

    private static String at(ArmPosition p) {
        return String.format(Locale.ROOT, "%.1f, %.1f", p.s0(), p.s1());
    }

    private static String photosOf(ObjectView o) {
        return join(o.seenOn().stream().map(Seen::photo).toList());
    }

    private static String join(List<Integer> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }
}
