package dev.ferry.compat.dsac;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads DSAC's header parameters. DSAC required X_API_KEY, DEC_LANG, SR, NUM_CHANNELS, SAC, DIA,
 * BUCKET_NAME, OBJECT_PATH and USER_ID; Ferry checks the key before this (FERRY_API_KEYS) and
 * reads no S3 bucket, so BUCKET_NAME and OBJECT_PATH are optional. Headers Ferry has no use for
 * (NUM_SPK, PRIV, CAP_PROV, NUM_THREADS, FE_API_KEY) are ignored, never stored or forwarded.
 */
final class DsacHeaders {
    static final Set<String> REQUIRED = Set.of("DEC_LANG", "SR", "NUM_CHANNELS", "SAC", "DIA", "USER_ID");
    /** DSAC's value for an optional header not given; its clients send it too. */
    private static final String NONE = "none";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    /** Echoed as headers of the RETURN_URL post: visible ASCII and spaces only. */
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7E]{1,256}");
    private static final Pattern CHANNELS = Pattern.compile("[1-8]");
    private static final Set<String> YES_NO = Set.of("yes", "no");

    private DsacHeaders() {}

    /** @throws DsacException naming the header that is missing or malformed */
    static DsacRequest read(Context ctx) {
        for (String name : new java.util.TreeSet<>(REQUIRED)) {
            if (optional(ctx, name).isEmpty()) {
                throw DsacException.missing(name);
            }
        }
        String language = matching(ctx, "DEC_LANG", NAME, "a language code such as eng, afr, zul, sto or mul");
        int sampleRate = sampleRate(required(ctx, "SR"));
        matching(ctx, "NUM_CHANNELS", CHANNELS, "a number of channels from 1 to 8");
        oneOf(ctx, "SAC");
        oneOf(ctx, "DIA");
        String userId = matching(ctx, "USER_ID", HEADER_VALUE, "printable ASCII, at most 256 characters");
        String tag = optional(ctx, "TAG").map(t -> checked("TAG", t, TAG, "letters, digits, '.', '_' or '-', at most 128"))
                .orElseGet(() -> UUID.randomUUID().toString().replace("-", ""));
        String jobId = optional(ctx, "JOB_ID").map(j -> checked("JOB_ID", j, HEADER_VALUE, "printable ASCII, at most 256 characters"))
                .orElse(tag);
        Optional<String> graph = optional(ctx, "CUSTOM_GRAPH").map(g -> checked("CUSTOM_GRAPH", g.toLowerCase(Locale.ROOT), NAME,
                "the name of an installed asr model"));
        String objectName = optional(ctx, "OBJECT_PATH").map(p -> p.substring(p.lastIndexOf('/') + 1)).filter(n -> !n.isBlank())
                .orElse("audio");
        return new DsacRequest(userId, jobId, tag, language, sampleRate, graph, optional(ctx, "OBJECT_URL"),
                optional(ctx, "RETURN_URL"), objectName);
    }

    /** run_decode.sh: BB is broadband (16 kHz), NB narrowband (8 kHz); its models came in those two rates. */
    static int sampleRate(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "BB", "16000" -> 16_000;
            case "NB", "8000" -> 8_000;
            default -> throw DsacException.invalid("SR", value, "BB, NB, 16000 or 8000");
        };
    }

    private static Optional<String> optional(Context ctx, String name) {
        return Optional.ofNullable(ctx.header(name)).map(String::strip).filter(v -> !v.isEmpty() && !v.equalsIgnoreCase(NONE));
    }

    private static String required(Context ctx, String name) {
        return optional(ctx, name).orElseThrow(() -> DsacException.missing(name));
    }

    private static String matching(Context ctx, String name, Pattern pattern, String expected) {
        return checked(name, required(ctx, name), pattern, expected);
    }

    private static void oneOf(Context ctx, String name) {
        String value = required(ctx, name).toLowerCase(Locale.ROOT);
        if (!YES_NO.contains(value)) {
            throw DsacException.invalid(name, value, "yes or no");
        }
    }

    private static String checked(String name, String value, Pattern pattern, String expected) {
        if (!pattern.matcher(value).matches()) {
            throw DsacException.invalid(name, value, expected);
        }
        return value;
    }
}
