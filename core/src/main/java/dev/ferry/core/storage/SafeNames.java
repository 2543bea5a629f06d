package dev.ferry.core.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The only way a name from a request becomes part of a path: upload names are reduced to a
 * safe base name, and relative paths are resolved only when they stay inside their folder.
 */
public final class SafeNames {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final int MAX_LENGTH = 120;

    private SafeNames() {}

    /**
     * A file name safe on every file system: the last path segment of {@code given}, with any
     * other character replaced by {@code _}, no leading dots, never empty.
     */
    public static String fileName(String given) {
        String base = given == null ? "" : given.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = UNSAFE.matcher(base).replaceAll("_");
        base = base.replaceAll("^[._]+", "");
        if (base.length() > MAX_LENGTH) {
            int dot = base.lastIndexOf('.');
            String ext = dot > 0 && base.length() - dot <= 10 ? base.substring(dot).toLowerCase(Locale.ROOT) : "";
            base = base.substring(0, MAX_LENGTH - ext.length()) + ext;
        }
        return base.isEmpty() ? "file" : base;
    }

    /**
     * Resolves {@code relative} inside {@code folder}, or empty when it is absolute, contains
     * {@code ..} segments that leave the folder, or is otherwise not a plain relative path.
     */
    public static Optional<Path> resolveInside(Path folder, String relative) {
        if (relative == null || relative.isEmpty() || relative.indexOf('\0') >= 0 || relative.startsWith("/")
                || relative.contains("\\")) {
            return Optional.empty();
        }
        Path base = folder.toAbsolutePath().normalize();
        Path resolved;
        try {
            resolved = base.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        return resolved.startsWith(base) && !resolved.equals(base) ? Optional.of(resolved) : Optional.empty();
    }
}
