package dev.ferry.demos.media;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.net.AddressGuard;
import java.net.URI;
import java.net.UnknownHostException;

/** Which hosts a job's URLs may reach: the {@link AddressGuard}, its refusals as media errors. */
final class AddressPolicy {
    private final AddressGuard guard;

    AddressPolicy(boolean allowPrivate) {
        this.guard = new AddressGuard(allowPrivate);
    }

    /** @throws MediaException {@code url_refused} or {@code fetch_failed} when the host does not resolve */
    void check(URI uri) {
        try {
            guard.refusal(uri).ifPresent(reason -> {
                throw new MediaException(ErrorCode.URL_REFUSED, reason);
            });
        } catch (UnknownHostException e) {
            throw new MediaException(ErrorCode.FETCH_FAILED, "cannot resolve the host of " + uri + ": " + uri.getHost() + " is unknown");
        }
    }
}
