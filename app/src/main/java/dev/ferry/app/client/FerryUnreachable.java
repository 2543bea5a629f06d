package dev.ferry.app.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * Ferry's API gave no answer at all, as opposed to an answer saying no: the message says where
 * it was looked for and why it could not be reached, in words a person acts on, where the
 * HTTP client says only {@code ConnectException}.
 */
public final class FerryUnreachable extends IOException {
    private FerryUnreachable(String url, String why, IOException cause) {
        super("cannot reach Ferry at " + url + ": " + why, cause);
    }

    /**
     * Why sending to {@code url} failed with {@code e}.
     *
     * @param connectTimeout how long the client waits for a connection
     * @param answerTimeout  how long it waits for an answer once connected
     */
    public static FerryUnreachable of(String url, IOException e, Duration connectTimeout, Duration answerTimeout) {
        return new FerryUnreachable(url, why(url, e, connectTimeout, answerTimeout), e);
    }

    private static String why(String url, IOException e, Duration connectTimeout, Duration answerTimeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + connectTimeout.toSeconds() + " s (is the host up, and the port open to you?)";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + answerTimeout.toSeconds() + " s (is the server overloaded?)";
        }
        if (causedBy(e, UnresolvedAddressException.class)) {
            return "unknown host " + URI.create(url).getHost() + " (check --url or FERRY_URL)";
        }
        String said = firstMessage(e);
        if (e instanceof ConnectException && (said == null || said.contains("refused"))) {
            return "connection refused (is `ferry up` running?)";
        }
        return said == null ? e.getClass().getSimpleName() : said;
    }

    /** The HTTP client often wraps the exception that says what happened in one that says nothing. */
    private static String firstMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
