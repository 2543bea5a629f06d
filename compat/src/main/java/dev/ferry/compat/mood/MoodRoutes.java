package dev.ferry.compat.mood;

import static dev.ferry.compat.mood.MoodErrors.guarded;

import dev.ferry.api.RouteSet;
import dev.ferry.api.jobs.JobSubmitter;
import dev.ferry.compat.CompatProtocols;
import dev.ferry.compat.CrossOrigin;
import dev.ferry.compat.waiting.ResultWaits;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.storage.DataFolder;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Optional;

/**
 * The Rekognition mood page's protocol (Flask rekognition.py and its static/app.js):
 * {@code /get_picture/} with a data URI answers the face's attributes, {@code /analyze/} the
 * face's mood. Flask took GET and POST on both; so does Ferry. Javalin ignores the trailing slash.
 */
public final class MoodRoutes implements RouteSet {
    static final String PICTURE = "/get_picture";
    static final String ANALYZE = "/analyze";
    private final FerryConfig config;
    private final DataFolder data;
    private final MoodClients clients;
    private final ResultWaits waits;

    public MoodRoutes(CompatProtocols.Services services) {
        this.config = services.config();
        this.data = services.data();
        this.clients = new MoodClients(services.redis(), config.queue().retention());
        this.waits = ResultWaits.of(services.redis(), config);
    }

    @Override
    public void register(JavalinDefaultRouting r, JobSubmitter submitter) {
        CrossOrigin cors = new CrossOrigin(config.protocols().corsOrigins());
        Handler picture = guarded(new PictureHandler(submitter, waits, clients, data, config.protocols().maxWait())::handle);
        Handler analyze = guarded(this::analyze);
        for (String path : new String[] {PICTURE, ANALYZE}) {
            cors.register(r, path);
        }
        r.post(PICTURE, picture);
        r.get(PICTURE, picture);
        r.post(ANALYZE, analyze);
        r.get(ANALYZE, analyze);
    }

    /** rekognition.py, {@code happiness}: the mood of the client's own last picture (the original read the last anyone sent). */
    private void analyze(Context ctx) {
        Optional<MoodFaces> faces = clients.last(ctx).flatMap(job -> MoodFaces.of(data, job));
        if (faces.isEmpty()) {
            MoodErrors.refuse(ctx, 404, "no picture from you yet: send one to /get_picture/ first");
            return;
        }
        ctx.html(MoodPage.mood(faces.get()));
    }
}
