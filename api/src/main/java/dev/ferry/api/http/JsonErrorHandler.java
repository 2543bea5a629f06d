package dev.ferry.api.http;

import dev.ferry.core.json.Json;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Requests Jetty refuses before they reach Javalin (a malformed URI, an ambiguous path, oversized
 * headers) are answered in the API's JSON error shape too, never as an HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    public JsonErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        String message = reason == null ? HttpStatus.getMessage(status) : reason;
        return ByteBuffer.wrap(Json.write(ErrorBody.of(ErrorMapping.forStatus(status), message)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
