package dev.ferry.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a job's input files are named in {@code jobs/<id>/inputs/}: {@code 000-<safe name>},
 * {@code 001-<safe name>}... The index keeps the order of submission and makes two uploads
 * with the same name distinct; the rest of the name is {@link SafeNames#fileName}.
 */
public final class JobInputs {
    private JobInputs() {}

    public static String fileName(int index, String given) {
        return String.format("%03d-%s", index, SafeNames.fileName(given));
    }

    /** The input files in submission order; empty when the job has none. */
    public static List<Path> list(Path inputsDir) {
        if (!Files.isDirectory(inputsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(inputsDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name the client gave, without the index prefix. */
    public static String originalName(Path input) {
        String name = input.getFileName().toString();
        return name.length() > 4 && name.charAt(3) == '-' ? name.substring(4) : name;
    }
}
