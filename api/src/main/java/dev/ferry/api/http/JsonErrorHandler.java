package dev.ferry.api.http;

import dev.ferry.core.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Errors Jetty answers on its own are in the API's JSON error shape too, never an HTML page or
 * an empty body: requests refused before they reach Javalin (a malformed URI, an ambiguous
 * path, oversized headers) and any {@code sendError} on the way, whatever the method or the
 * client's {@code Accept}.
 */
public final class JsonErrorHandler extends ErrorHandler {
    public JsonErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON.asString());
        return ByteBuffer.wrap(body(status, reason));
    }

    /** Jetty leaves the body out for methods other than GET, POST and HEAD; every error here has one. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
            int code, String message) throws IOException {
        byte[] body = body(code, message);
        response.setContentType(MimeTypes.Type.APPLICATION_JSON.asString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }

    private static byte[] body(int status, String reason) {
        String message = reason == null ? HttpStatus.getMessage(status) : reason;
        return Json.write(ErrorBody.of(ErrorMapping.forStatus(status), message)).getBytes(StandardCharsets.UTF_8);
    }
}
