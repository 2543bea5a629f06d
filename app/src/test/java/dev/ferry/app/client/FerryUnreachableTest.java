package dev.ferry.app.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each way the HTTP client fails to reach the API, in the shape it throws it (a refused
 * connection and an unknown host are both a bare ConnectException on top), said in words.
 */
class FerryUnreachableTest {
    private static final String URL = "http://ferry.example:8000";

    @Test
    void refusedUnknownHostAndTimeoutsEachSayWhatToCheck() {
        assertEquals("cannot reach Ferry at " + URL + ": connection refused (is `ferry up` running?)",
                message(connect(new ClosedChannelException())));
        assertEquals("cannot reach Ferry at " + URL + ": unknown host ferry.example (check --url or FERRY_URL)",
                message(connect(new UnresolvedAddressException())));
        assertEquals("cannot reach Ferry at " + URL + ": no connection within 5 s (is the host up, and the port open to you?)",
                message(new HttpConnectTimeoutException("HTTP connect timed out")));
        assertEquals("cannot reach Ferry at " + URL + ": no answer within 60 s (is the server overloaded?)",
                message(new HttpTimeoutException("request timed out")));
        assertEquals("cannot reach Ferry at " + URL + ": No route to host",
                message(new ConnectException("No route to host")));
    }

    /** As java.net.http wraps a connection's failure. */
    private static ConnectException connect(Throwable cause) {
        ConnectException inner = new ConnectException();
        inner.initCause(cause);
        ConnectException outer = new ConnectException();
        outer.initCause(inner);
        return outer;
    }

    private static String message(java.io.IOException e) {
        return FerryUnreachable.of(URL, e, Duration.ofSeconds(5), Duration.ofSeconds(60)).getMessage();
    }
}
