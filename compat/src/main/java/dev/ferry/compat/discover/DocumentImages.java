package dev.ferry.compat.discover;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.JobInputs;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.MediaException;
import dev.ferry.demos.media.MediaReader;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.media.PageRef;
import dev.ferry.demos.media.PageStem;
import io.javalin.http.Context;
import java.util.Set;

/**
 * discover's {@code /datasets/document/<type>/<tid>/<uid>/download}: the page images of one
 * document. Ferry keeps no decoded pages, so the task's inputs are read again, as the worker read
 * them (the URL cache spares the download), and numbered the same way: each page's id is the name
 * Ferry gave its files ({@link PageStem}), which the regions annotations give as its
 * {@code source}. The earlier documents are opened too, since their pages count.
 */
final class DocumentImages {
    /** A page that fails for one of these was never fetched: the client hears it as a bad gateway. */
    private static final Set<ErrorCode> UNREACHABLE =
            Set.of(ErrorCode.FETCH_FAILED, ErrorCode.FETCH_TIMEOUT, ErrorCode.FETCH_TOO_LARGE, ErrorCode.URL_REFUSED);
    private final MediaReader media;
    private final DataFolder data;

    DocumentImages(MediaReader media, DataFolder data) {
        this.media = media;
        this.data = data;
    }

    void send(Context ctx, Job job, DiscoverRecord record, DiscoverDocument doc) {
        DocumentOfPage owners = new DocumentOfPage(record.documents());
        ImagesZip zip = new ImagesZip(ctx, doc);
        boolean seen = false;
        int number = 0;
        try (JobPages pages = media.pages(JobInputs.list(data.inputsDir(job.id())))) {
            for (PageRef ref : pages) {
                number++;
                boolean mine = owners.next(ref.source()).equals(doc);
                if (seen && !mine) {
                    break;
                }
                seen |= mine;
                if (mine && !add(ctx, zip, number, ref)) {
                    return;
                }
            }
        }
        zip.finish();
    }

    /** False when the document cannot be read at all, which has then been answered. */
    private static boolean add(Context ctx, ImagesZip zip, int number, PageRef ref) {
        try (Page page = ref.load()) {
            zip.add(PageStem.of(number, ref.source()), number, page);
            return true;
        } catch (MediaException e) {
            if (!zip.started() && UNREACHABLE.contains(e.errorCode())) {
                DiscoverErrors.badGateway(ctx, e.errorCode(), "the document can no longer be read: " + e.getMessage());
                return false;
            }
            // a page the task could not read either: it has no annotations, so it is left out as well
            return true;
        }
    }
}
