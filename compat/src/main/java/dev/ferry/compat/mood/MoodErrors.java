package dev.ferry.compat.mood;

import dev.ferry.api.http.ApiException;
import dev.ferry.compat.waiting.ResultWaits;
import dev.ferry.compat.waiting.TooBusy;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Refusals as the page shows its other answers: a plain HTML fragment ({@link MoodPage#refusal}).
 * Whatever is wrong with the picture is 400, a body over the upload limit 413, and a server
 * that cannot take it now 503 with {@code Retry-After}. The original answered a bad body with
 * a crash (500) and no text.
 */
final class MoodErrors {
    private MoodErrors() {}

    static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (ApiException e) {
                e.headers().forEach(ctx::header);
                refuse(ctx, statusOf(e.status()), e.getMessage());
            } catch (TooBusy e) {
                unavailable(ctx, e.getMessage());
            }
        };
    }

    /** A picture the API refuses (not an image, damaged) is the client's fault whatever the native status says. */
    static int statusOf(int nativeStatus) {
        return nativeStatus == 413 || nativeStatus >= 500 ? nativeStatus : 400;
    }

    static void unavailable(Context ctx, String reason) {
        ctx.header("Retry-After", Integer.toString(ResultWaits.RETRY_AFTER_S));
        refuse(ctx, 503, reason);
    }

    static void refuse(Context ctx, int status, String reason) {
        ctx.status(status).html(MoodPage.refusal(reason));
    }
}
