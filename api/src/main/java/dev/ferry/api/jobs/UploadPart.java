package dev.ferry.api.jobs;

import jakarta.servlet.http.Part;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;

/** An {@link Upload} as the multipart {@code file} part the input store reads: a name and a stream, no headers. */
final class UploadPart implements Part {
    private final Upload upload;

    UploadPart(Upload upload) {
        this.upload = upload;
    }

    @Override
    public InputStream getInputStream() {
        return upload.content();
    }

    @Override
    public String getSubmittedFileName() {
        return upload.name();
    }

    @Override
    public String getName() {
        return "file";
    }

    @Override
    public String getContentType() {
        return null;
    }

    @Override
    public long getSize() {
        return -1;
    }

    @Override
    public void write(String fileName) {
        throw new UnsupportedOperationException("an upload is stored by the input store");
    }

    @Override
    public void delete() {
        // nothing was spooled
    }

    @Override
    public String getHeader(String name) {
        return null;
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return List.of();
    }

    @Override
    public Collection<String> getHeaderNames() {
        return List.of();
    }
}
