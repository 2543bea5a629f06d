package dev.ferry.compat.mood;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The body the mood page posts: the picture as a data URI
 * ({@code data:image/png;base64,iVBOR...}, what {@code FileReader.readAsDataURL} gives).
 * The original decoded whatever followed the first comma; Ferry takes only a base64 data URI
 * and says what is wrong with any other body.
 *
 * @param mediaType the type the URI declares, lower case ({@code image/png}); empty when none
 */
record DataUri(String mediaType, byte[] bytes) {
    private static final String SCHEME = "data:";
    private static final String BASE64 = ";base64";

    /** @throws IllegalArgumentException with the reason the body is not a picture's data URI */
    static DataUri parse(byte[] body) {
        String text = new String(body, StandardCharsets.US_ASCII).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the body is empty: send the picture as a data URI (data:image/jpeg;base64,...)");
        }
        int comma = text.indexOf(',');
        if (!text.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || comma < 0) {
            throw new IllegalArgumentException("the body is not a data URI: it must start data:<type>;base64,");
        }
        String header = text.substring(SCHEME.length(), comma).toLowerCase(Locale.ROOT);
        if (!header.endsWith(BASE64)) {
            throw new IllegalArgumentException("the data URI is not base64-encoded: its header must end ;base64");
        }
        byte[] bytes;
        try {
            // line breaks and blanks are allowed in a data URI's payload; anything else outside the alphabet is not
            bytes = Base64.getDecoder().decode(text.substring(comma + 1).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the data URI's payload is not valid base64: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("the data URI holds no picture");
        }
        String type = header.substring(0, header.length() - BASE64.length());
        int parameters = type.indexOf(';');
        return new DataUri(parameters < 0 ? type : type.substring(0, parameters), bytes);
    }

    /** A file name for the picture, its extension from the declared type; Ferry reads the bytes for what they are. */
    String fileName() {
        return switch (mediaType) {
            case "image/jpeg", "image/jpg" -> "picture.jpg";
            case "image/png" -> "picture.png";
            case "image/webp" -> "picture.webp";
            case "image/gif" -> "picture.gif";
            case "image/bmp" -> "picture.bmp";
            default -> "picture";
        };
    }
}
