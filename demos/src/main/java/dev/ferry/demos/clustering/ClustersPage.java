package dev.ferry.demos.clustering;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * clusters.html: one standalone page showing each cluster's prototype and its members, the
 * loss plot and the run's settings. Pictures are embedded as data URIs, so the page opens
 * from disk, alone, with no server; each member links to its full-size file by a relative
 * path, which works beside the other outputs or served by the API. At most
 * {@value #SHOWN} members per cluster are shown, closest first; clusters.csv lists all.
 */
final class ClustersPage {
    static final int SHOWN = 200;

    private ClustersPage() {}

    /**
     * @param aligned per item, its aligned picture (tik), in item order; empty for the embedding engine
     */
    static String render(ClustersReport report, List<byte[]> prototypes, List<Item> items, List<byte[]> aligned,
                         Optional<byte[]> plot) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Clusters</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;background:#fafafa}\n")
                .append("section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1em;margin:1em 0}\n")
                .append("h2{margin:.2em 0 .6em;font-size:1.1em}\n.proto{width:128px;height:128px;object-fit:contain;")
                .append("image-rendering:pixelated;border:2px solid #369;background:#fff;float:left;margin-right:1em}\n")
                .append(".members{display:flex;flex-wrap:wrap;gap:6px;clear:both;padding-top:.6em}\n")
                .append("figure{margin:0;border:1px solid #eee;padding:3px;text-align:center;font-size:11px;width:136px}\n")
                .append("figure img{width:64px;height:64px;object-fit:contain;image-rendering:pixelated}\n")
                .append("figcaption{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}\n")
                .append("table{border-collapse:collapse}td{padding:2px 10px 2px 0}.plot{max-width:100%}\n")
                .append("</style></head><body>\n<h1>Clusters</h1>\n<table>\n");
        row(html, "engine", report.engine());
        report.transformation().ifPresent(t -> row(html, "transformation", t));
        report.model().ifPresent(m -> row(html, "model", m));
        report.assignedTo().ifPresent(a -> row(html, "assigned to", a));
        row(html, "images", Integer.toString(report.items()));
        row(html, "clusters", Integer.toString(report.nClusters()));
        if (report.assignedTo().isEmpty()) {
            row(html, "iterations", report.iterations() + (report.converged() ? " (converged)" : ""));
            row(html, "seed", Long.toString(report.seed()));
        }
        if (!report.failedPages().isEmpty()) {
            row(html, "not read", report.failedPages().size() + " (see clusters.json)");
        }
        html.append("</table>\n");
        plot.ifPresent(p -> html.append("<p><img class=\"plot\" alt=\"loss per iteration\" src=\"").append(dataUri(p))
                .append("\"></p>\n"));
        for (ClustersReport.Cluster c : report.clusters()) {
            html.append("<section id=\"cluster-").append(c.cluster()).append("\">\n<img class=\"proto\" alt=\"prototype ")
                    .append(c.cluster()).append("\" src=\"").append(dataUri(prototypes.get(c.cluster()))).append("\">\n")
                    .append("<h2>Cluster ").append(c.cluster());
            c.name().ifPresent(n -> html.append(" — ").append(escape(n)));
            html.append("</h2>\n<p>").append(c.size()).append(c.size() == 1 ? " member" : " members")
                    .append(String.format(Locale.ROOT, ", mean distance %.4g", c.meanDistance()))
                    .append(" · <a href=\"").append(c.prototype()).append("\">prototype</a></p>\n<div class=\"members\">\n");
            List<ClustersReport.Member> shown = c.members().stream()
                    .sorted(java.util.Comparator.comparingDouble(ClustersReport.Member::distance)).limit(SHOWN).toList();
            for (ClustersReport.Member m : shown) {
                Item item = items.get(indexOf(items, m.item()));
                html.append("<figure title=\"").append(escape(m.source()))
                        .append(String.format(Locale.ROOT, " (distance %.4g)", m.distance())).append("\"><a href=\"")
                        .append(escape(m.original())).append("\"><img alt=\"\" src=\"").append(dataUri(item.thumbnail()))
                        .append("\"></a>");
                if (!aligned.isEmpty()) {
                    html.append("<img alt=\"aligned\" src=\"").append(dataUri(aligned.get(indexOf(items, m.item()))))
                            .append("\">");
                }
                html.append("<figcaption>").append(escape(m.source())).append("</figcaption></figure>\n");
            }
            html.append("</div>\n");
            if (c.members().size() > SHOWN) {
                html.append("<p>and ").append(c.members().size() - SHOWN).append(" more, in clusters.csv</p>\n");
            }
            html.append("</section>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static int indexOf(List<Item> items, int number) {
        // items are in page order, so a binary search by number finds each one
        int lo = 0;
        int hi = items.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int n = items.get(mid).number();
            if (n == number) {
                return mid;
            }
            if (n < number) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        throw new IllegalStateException("no item " + number);
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><td>").append(name).append("</td><td>").append(escape(value)).append("</td></tr>\n");
    }

    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
