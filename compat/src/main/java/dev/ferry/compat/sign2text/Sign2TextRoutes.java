package dev.ferry.compat.sign2text;

import static dev.ferry.compat.sign2text.Sign2TextErrors.guarded;

import dev.ferry.api.RouteSet;
import dev.ferry.api.jobs.JobSubmitter;
import dev.ferry.compat.CompatProtocols;
import dev.ferry.compat.CrossOrigin;
import dev.ferry.compat.waiting.ResultWaits;
import dev.ferry.core.config.CompatSettings;
import io.javalin.router.JavalinDefaultRouting;

/**
 * Sign2Text-API's protocol (github.com/irg1008/Sign2Text-API), as its front-end Sign2Text-Astro
 * calls it: {@code POST /sign} with a video, answered with the signed word.
 */
public final class Sign2TextRoutes implements RouteSet {
    static final String PATH = "/sign";
    private final CompatSettings settings;
    private final ResultWaits waits;

    public Sign2TextRoutes(CompatProtocols.Services services) {
        this.settings = services.config().protocols();
        this.waits = ResultWaits.of(services.redis(), services.config());
    }

    @Override
    public void register(JavalinDefaultRouting r, JobSubmitter submitter) {
        new CrossOrigin(settings.corsOrigins()).register(r, PATH);
        SignHandler sign = new SignHandler(submitter, waits, settings.signModel(), settings.maxWait());
        r.post(PATH, guarded(sign::handle));
    }
}
