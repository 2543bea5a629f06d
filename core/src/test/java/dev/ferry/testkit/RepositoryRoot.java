package dev.ferry.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's top folder, for tests that hold code and docs/ or .env.template against each other. */
public final class RepositoryRoot {
    private RepositoryRoot() {}

    /** Found upwards from the working directory (the module's folder under Maven). */
    public static Path path() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".env.template"))) {
                return dir;
            }
        }
        throw new IllegalStateException(".env.template not found above " + Path.of("").toAbsolutePath());
    }
}
