package dev.ferry.worker;

import java.net.InetAddress;
import java.security.SecureRandom;

/**
 * Who a worker is: {@code <host>-<pid>-<6 random chars>}. Host and pid tell an operator
 * where to look; the random part keeps a restarted process that got the same pid from
 * inheriting the registry entry (and the jobs) of its dead predecessor.
 */
public record WorkerIdentity(String id, String host, long pid) {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public static WorkerIdentity create() {
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        return new WorkerIdentity(host + "-" + pid + "-" + randomSuffix(), host, pid);
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "_");
            return name.isEmpty() ? "localhost" : name;
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private static String randomSuffix() {
        char[] out = new char[6];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
