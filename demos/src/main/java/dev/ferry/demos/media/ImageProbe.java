package dev.ferry.demos.media;

import dev.ferry.core.error.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An image's format and size read from its header alone, so that a file declaring more
 * pixels than allowed is refused before a decoder allocates anything for it.
 */
public record ImageProbe(ImageFormat format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }

    /** @throws MediaException {@code not_an_image} or {@code bad_header} */
    public static ImageProbe read(byte[] bytes) {
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new MediaException(ErrorCode.NOT_AN_IMAGE,
                "not an image: the bytes are not JPEG, PNG, TIFF, WebP or BMP"));
        try {
            ImageProbe probe = switch (format) {
                case JPEG -> jpeg(bytes);
                case PNG -> new ImageProbe(format, be32(bytes, 16), be32(bytes, 20));
                case TIFF -> tiff(bytes);
                case WEBP -> webp(bytes);
                case BMP -> bmp(bytes);
            };
            if (probe.width <= 0 || probe.height <= 0) {
                throw new MediaException(ErrorCode.BAD_HEADER, format + " header declares an empty image ("
                        + probe.width + " × " + probe.height + ")");
            }
            return probe;
        } catch (IndexOutOfBoundsException e) {
            throw new MediaException(ErrorCode.TRUNCATED, format + " image is cut short inside its header");
        }
    }

    /** Walks the marker segments up to the first start-of-frame, which holds the size. */
    private static ImageProbe jpeg(byte[] b) {
        int i = 2;
        while (true) {
            if ((b[i] & 0xFF) != 0xFF) {
                throw new MediaException(ErrorCode.BAD_HEADER, "JPEG header is damaged (no marker at byte " + i + ")");
            }
            while ((b[i] & 0xFF) == 0xFF) {
                i++;
            }
            int marker = b[i] & 0xFF;
            i++;
            if (marker == 0xD8 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                throw new MediaException(ErrorCode.BAD_HEADER, "JPEG has no frame header before its image data");
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return new ImageProbe(ImageFormat.JPEG, be16(b, i + 5), be16(b, i + 3));
            }
            i += be16(b, i);
        }
    }

    private static ImageProbe tiff(byte[] b) {
        ByteOrder order = b[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer buf = ByteBuffer.wrap(b).order(order);
        int ifd = buf.getInt(4);
        int entries = buf.getShort(ifd) & 0xFFFF;
        long width = -1;
        long height = -1;
        for (int e = 0; e < entries; e++) {
            int at = ifd + 2 + e * 12;
            int tag = buf.getShort(at) & 0xFFFF;
            int type = buf.getShort(at + 2) & 0xFFFF;
            long value = type == 3 ? buf.getShort(at + 8) & 0xFFFF : buf.getInt(at + 8) & 0xFFFFFFFFL;
            if (tag == 256) {
                width = value;
            } else if (tag == 257) {
                height = value;
            }
        }
        return new ImageProbe(ImageFormat.TIFF, clamp(width), clamp(height));
    }

    private static ImageProbe webp(byte[] b) {
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> new ImageProbe(ImageFormat.WEBP, le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
            case "VP8L" -> {
                long bits = le32(b, 21) & 0xFFFFFFFFL;
                yield new ImageProbe(ImageFormat.WEBP, (int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> new ImageProbe(ImageFormat.WEBP, le24(b, 24) + 1, le24(b, 27) + 1);
            default -> throw new MediaException(ErrorCode.BAD_HEADER, "WebP with an unknown first chunk '" + chunk.strip() + "'");
        };
    }

    private static ImageProbe bmp(byte[] b) {
        int headerSize = le32(b, 14);
        if (headerSize == 12) {
            return new ImageProbe(ImageFormat.BMP, le16(b, 18), le16(b, 20));
        }
        return new ImageProbe(ImageFormat.BMP, le32(b, 18), Math.abs(le32(b, 22)));
    }

    private static int clamp(long v) {
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    static int be16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
    }

    static int be32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
    }

    static int le16(byte[] b, int i) {
        return (b[i + 1] & 0xFF) << 8 | b[i] & 0xFF;
    }

    static int le24(byte[] b, int i) {
        return (b[i + 2] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | b[i] & 0xFF;
    }

    static int le32(byte[] b, int i) {
        return (b[i + 3] & 0xFF) << 24 | (b[i + 2] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | b[i] & 0xFF;
    }
}
