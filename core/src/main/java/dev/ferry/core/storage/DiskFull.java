package dev.ferry.core.storage;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Tells a write that failed because the disk is full from other I/O failures. Java has no
 * exception type for ENOSPC (or EDQUOT, a quota reached): the system's message is all it keeps.
 */
public final class DiskFull {
    private static final List<String> MESSAGES = List.of("No space left on device", "Disk quota exceeded");
    /** Wrappers seen in practice are one or two deep; the bound guards against a cause cycle. */
    private static final int MAX_DEPTH = 16;

    private DiskFull() {}

    /** Whether {@code failure}, or one of its causes, is a full disk. */
    public static boolean causedBy(Throwable failure) {
        return reason(failure).isPresent();
    }

    /** The system's words for the full disk behind {@code failure}, without the file's path; empty for other failures. */
    public static Optional<String> reason(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof IOException && cause.getMessage() != null) {
                Optional<String> said = MESSAGES.stream().filter(cause.getMessage()::contains).findFirst();
                if (said.isPresent()) {
                    return said;
                }
            }
        }
        return Optional.empty();
    }
}
