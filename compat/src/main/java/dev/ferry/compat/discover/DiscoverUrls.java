package dev.ferry.compat.discover;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The absolute URLs discover's answers carry, all under the address the client started the job
 * at. Every URL names the job by its tracking id, so what it serves is found from the job, never
 * from a path on disk. Document uids may hold any character ('^' from discover's default uid),
 * so each is percent-encoded.
 */
record DiscoverUrls(String base, String trackingId) {

    String dataset() {
        return base + "/datasets/dataset/" + trackingId;
    }

    String document(DiscoverDocument doc) {
        return base + "/datasets/document/" + segment(doc.type()) + "/" + trackingId + "/" + segment(doc.uid());
    }

    /** discover's {@code <document url>/download} (document.py, get_download_url): a ZIP of the document's page images. */
    String download(DiscoverDocument doc) {
        return document(doc) + "/download";
    }

    /** discover serves a document's annotations as {@code <document url>/<extraction ref>} (document.py, get_annotations_url). */
    String annotations(DiscoverDocument doc, String extractionRef) {
        return document(doc) + "/" + segment(extractionRef);
    }

    String result(String prefix) {
        return base + "/" + prefix + "/" + trackingId + "/result";
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
