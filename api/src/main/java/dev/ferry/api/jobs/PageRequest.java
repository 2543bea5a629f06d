package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paging of a listing: {@code limit} (from 1 to a maximum, with a default) and {@code cursor},
 * where the page starts. A cursor is opaque to clients (they pass back what the previous page
 * gave as {@code next_cursor}); inside, it is base64url of the position the listing goes on from.
 */
record PageRequest(int limit, Optional<String> position) {
    private static final String CURSOR = "cursor";

    static PageRequest of(Context ctx, int defaultLimit, int maxLimit) {
        String limit = ctx.queryParam("limit");
        String cursor = ctx.queryParam(CURSOR);
        return new PageRequest(limit == null || limit.isEmpty() ? defaultLimit : limit(limit, maxLimit),
                Optional.ofNullable(cursor).filter(c -> !c.isEmpty()).map(PageRequest::decode));
    }

    /** The cursor a client passes back to get the page that starts at {@code position}. */
    static String cursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The address of the next page: this request with its cursor replaced by {@code nextCursor}. */
    static String nextUrl(Context ctx, String nextCursor) {
        StringBuilder url = new StringBuilder(ctx.path()).append('?');
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            if (!param.getKey().equals(CURSOR)) {
                param.getValue().forEach(value -> append(url, param.getKey(), value));
            }
        }
        append(url, CURSOR, nextCursor);
        return url.substring(0, url.length() - 1);
    }

    static ApiException badCursor() {
        return ApiException.invalidParam(CURSOR, "cursor is not one this listing gave out; pass back a next_cursor unchanged,"
                + " or leave it out for the first page");
    }

    private static void append(StringBuilder url, String name, String value) {
        url.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
    }

    private static int limit(String limit, int max) {
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalidParam("limit", "limit must be a whole number from 1 to " + max + ", got '" + limit + "'");
    }
}
