package dev.ferry.api.jobs;

import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One file a job reads, as a request carried it: an uploaded part, or bytes another protocol
 * decoded from its own body (a data URI). Opened once, when the API stores it among the job's inputs.
 *
 * @param name the file name as given, kept (made safe) in the stored file's name
 */
public record InputFile(String name, Opener content) {
    /** Opens the file's bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** An uploaded part; a part sent without a file name is called {@code file}. */
    public static InputFile of(Part part) {
        String given = part.getSubmittedFileName();
        return new InputFile(given == null ? "file" : given, part::getInputStream);
    }

    public static InputFile of(String name, byte[] bytes) {
        return new InputFile(name, () -> new ByteArrayInputStream(bytes));
    }
}
