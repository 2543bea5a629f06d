package dev.ferry.compat.discover;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of discover's {@code documents}: {@code {"type", "src", "uid"?}}
 * (discover-api app/shared/dataset/document.py, {@code Document.from_dict}).
 */
record DiscoverDocument(@JsonProperty("type") String type, @JsonProperty("src") String src, @JsonProperty("uid") String uid) {
    /** The types discover knows (document.py, {@code DocDict.type}). */
    static final Set<String> TYPES = Set.of("iiif", "zip", "url_list", "pdf", "img");
    private static final Pattern URL_NOISE = Pattern.compile("^https?://|www\\.|\\.|:|%|\\s");

    /** A document without a uid gets discover's: its src without scheme, dots, colons and spaces, '/' as '^' (fileutils.py, sanitize_str). */
    static String defaultUid(String src) {
        return URL_NOISE.matcher(src.strip()).replaceAll("").replace("/", "^").replace(" ", "_");
    }
}
