package dev.ferry.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository that tests hold the code to (docs, templates), found from any module folder. */
public final class RepositoryFiles {
    private RepositoryFiles() {}

    /**
     * The repository file at {@code relative}, looked for upwards from the working
     * directory, which Maven sets to the module folder.
     */
    public static Path find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
