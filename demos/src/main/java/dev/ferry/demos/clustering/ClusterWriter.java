package dev.ferry.demos.clustering;

import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.media.FailedPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a clustering into the outputs folder: {@code prototypes/<k>.png}; each member under
 * {@code clusters/<k>/} as read and, for tik, aligned onto its prototype under
 * {@code clusters/<k>/aligned/}; {@code clusters.json}, {@code clusters.csv}, {@code loss.png}
 * and the standalone {@code clusters.html}.
 */
final class ClusterWriter {
    static final String JSON = "clusters.json";
    static final String CSV = "clusters.csv";
    static final String HTML = "clusters.html";
    static final String PLOT = "loss.png";

    /** What the job tells about its run, beside the clustering itself. */
    record Run(String engine, Optional<String> transformation, Optional<String> model, ClusteringSettings settings,
               Optional<String> assignedTo, List<FailedPage> failed, List<String> warnings) {}

    private ClusterWriter() {}

    static ClustersReport write(Path outputs, List<Item> items, Clustering c, Run run) {
        int size = run.settings().size();
        List<byte[]> aligned = new ArrayList<>();
        List<List<ClustersReport.Member>> members = new ArrayList<>();
        for (int k = 0; k < c.clusters(); k++) {
            members.add(new ArrayList<>());
            AtomicFiles.write(outputs.resolve(prototype(k)), c.prototypes().get(k));
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Clustering.Membership m = c.members().get(i);
            String folder = "clusters/" + m.cluster() + "/";
            String original = folder + item.name() + ".png";
            move(item.original(), outputs.resolve(original));
            Optional<String> alignedPath = Optional.empty();
            if (!c.aligned().isEmpty()) {
                byte[] png = Pictures.ink(c.aligned().get(i), size, item.lightBackground());
                aligned.add(png);
                alignedPath = Optional.of(folder + "aligned/" + item.name() + ".png");
                AtomicFiles.write(outputs.resolve(alignedPath.get()), png);
            }
            members.get(m.cluster()).add(new ClustersReport.Member(item.number(), item.source(), original, alignedPath,
                    round(m.distance()), alignedPath.map(p -> m.transform().rows())));
        }
        List<ClustersReport.Cluster> clusters = new ArrayList<>();
        for (int k = 0; k < c.clusters(); k++) {
            double mean = members.get(k).stream().mapToDouble(ClustersReport.Member::distance).average().orElse(0);
            clusters.add(new ClustersReport.Cluster(k, c.name(k), prototype(k), members.get(k).size(), round(mean),
                    members.get(k)));
        }
        Optional<byte[]> plot = Optional.empty();
        if (!c.curve().isEmpty()) {
            plot = Optional.of(LossPlot.png(c.curve(), c.curveLabel(),
                    c.curveLabel().startsWith("cosine") ? "merge" : "iteration"));
            AtomicFiles.write(outputs.resolve(PLOT), plot.get());
        }
        ClustersReport report = new ClustersReport(run.engine(), run.transformation(), run.model(), size,
                run.settings().seed(), items.size(), c.clusters(), c.iterations(), c.converged(),
                c.curve().stream().map(ClusterWriter::round).toList(),
                c.curveLabel().isEmpty() ? Optional.empty() : Optional.of(c.curveLabel()), run.assignedTo(), clusters,
                run.failed(), run.warnings());
        AtomicFiles.write(outputs.resolve(JSON), Json.writeBytes(report));
        AtomicFiles.write(outputs.resolve(CSV), csv(clusters).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(outputs.resolve(HTML), ClustersPage.render(report, c.prototypes(), items, aligned, plot)
                .getBytes(StandardCharsets.UTF_8));
        return report;
    }

    static String prototype(int k) {
        return "prototypes/" + k + ".png";
    }

    /** One row per item, in cluster order: {@code source,cluster,distance,original,aligned}. */
    private static String csv(List<ClustersReport.Cluster> clusters) {
        StringBuilder out = new StringBuilder("item,source,cluster,distance,original,aligned\n");
        for (ClustersReport.Cluster c : clusters) {
            for (ClustersReport.Member m : c.members()) {
                out.append(m.item()).append(',').append(quote(m.source())).append(',').append(c.cluster()).append(',')
                        .append(String.format(Locale.ROOT, "%.6g", m.distance())).append(',').append(quote(m.original()))
                        .append(',').append(quote(m.aligned().orElse(""))).append('\n');
            }
        }
        return out.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    private static void move(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot file " + from.getFileName() + " under its cluster", e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e7) / 1e7;
    }
}
