package dev.ferry.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which hosts Ferry may send requests to on a client's behalf (URL inputs, webhooks). Such a
 * request is made from inside Ferry's network, so by default every address the host name
 * resolves to must be public: not loopback, private, link-local (cloud metadata lives at
 * 169.254.169.254), unique-local, shared (carrier NAT), multicast or unspecified.
 * {@code FERRY_ALLOW_PRIVATE_URLS} lifts this for tests and closed networks.
 *
 * <p>The check runs on the name's addresses just before each request; the HTTP client
 * resolves the name again, so a DNS server that answers differently within that moment
 * is not stopped here. A firewall rule is the complete answer.
 */
public final class AddressGuard {
    private final boolean allowPrivate;

    public AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * Why the URL's host may not be reached, or empty when it may.
     *
     * @throws UnknownHostException when the host does not resolve
     */
    public Optional<String> refusal(URI uri) throws UnknownHostException {
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = uri.getHost();
        for (InetAddress address : InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
            Optional<String> kind = nonPublicKind(address);
            if (kind.isPresent()) {
                return Optional.of("refused " + uri + ": " + host + " is " + address.getHostAddress()
                        + ", " + kind.get() + " (set FERRY_ALLOW_PRIVATE_URLS=true to allow such addresses)");
            }
        }
        return Optional.empty();
    }

    /** What kind of non-public address this is, or empty when it is public. */
    static Optional<String> nonPublicKind(InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 0) {
                return Optional.of("an unspecified address");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("a shared (carrier NAT) address");
            }
            if (first == 192 && second == 0 && (b[2] & 0xFF) == 0 || first >= 240) {
                return Optional.of("a reserved address");
            }
        }
        if (a instanceof Inet6Address && (b[0] & 0xFE) == 0xFC) {
            return Optional.of("a unique-local address");
        }
        return Optional.empty();
    }
}
