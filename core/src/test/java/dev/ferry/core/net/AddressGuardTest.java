package dev.ferry.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressGuardTest {
    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, a loopback address",
            "127.8.9.10, a loopback address",
            "::1, a loopback address",
            "10.1.2.3, a private address",
            "172.16.0.1, a private address",
            "192.168.1.1, a private address",
            "169.254.169.254, a link-local address",
            "fe80::1, a link-local address",
            "fc00::1, a unique-local address",
            "fd12:3456::1, a unique-local address",
            "0.0.0.0, an unspecified address",
            "::, an unspecified address",
            "100.64.0.1, a shared (carrier NAT) address",
            "224.0.0.1, a multicast address",
            "::ffff:127.0.0.1, a loopback address",
            "8.8.8.8, public",
            "2001:4860:4860::8888, public",
            "172.32.0.1, public"})
    void classifiesAddresses(String literal, String kind) throws Exception {
        Optional<String> found = AddressGuard.nonPublicKind(InetAddress.getByName(literal));
        assertEquals(kind, found.orElse("public"));
    }
}
