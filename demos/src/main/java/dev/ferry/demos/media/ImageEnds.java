package dev.ferry.demos.media;

import dev.ferry.core.error.ErrorCode;

/**
 * Tells whether an image's data is all there. Decoders forgive a cut-off JPEG or PNG by
 * painting the missing rows grey, which would hand a half-grey page to a model; checking
 * the file's structure first turns that into a clear "truncated" error.
 */
final class ImageEnds {
    private ImageEnds() {}

    /** @throws MediaException {@code truncated} */
    static void check(ImageFormat format, byte[] bytes) {
        boolean complete = switch (format) {
            case JPEG -> jpegComplete(bytes);
            case PNG -> pngComplete(bytes);
            case WEBP -> bytes.length >= 8 + (ImageProbe.le32(bytes, 4) & 0xFFFFFFFFL);
            case BMP -> bmpComplete(bytes);
            case TIFF -> true; // strips are scattered through the file: the decoder reports missing ones
        };
        if (!complete) {
            throw new MediaException(ErrorCode.TRUNCATED, format + " image is truncated: its data ends before the image does ("
                    + bytes.length + " bytes)");
        }
    }

    /** Hops over segments and entropy-coded data until the end-of-image marker. Data after it is allowed. */
    private static boolean jpegComplete(byte[] b) {
        int i = 2;
        while (i + 1 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                i++; // entropy-coded data
                continue;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
            } else if (marker == 0x00 || marker >= 0xD0 && marker <= 0xD7) {
                i += 2; // stuffed byte or restart marker inside scan data
            } else if (marker == 0xD9) {
                return true;
            } else {
                if (i + 3 >= b.length) {
                    return false;
                }
                i += 2 + ImageProbe.be16(b, i + 2);
            }
        }
        return false;
    }

    private static boolean pngComplete(byte[] b) {
        long i = 8;
        while (i + 8 <= b.length) {
            long length = ImageProbe.be32(b, (int) i) & 0xFFFFFFFFL;
            boolean end = b[(int) i + 4] == 'I' && b[(int) i + 5] == 'E' && b[(int) i + 6] == 'N' && b[(int) i + 7] == 'D';
            i += 12 + length;
            if (end) {
                return i <= b.length;
            }
        }
        return false;
    }

    private static boolean bmpComplete(byte[] b) {
        long declared = ImageProbe.le32(b, 2) & 0xFFFFFFFFL;
        long dataOffset = b.length >= 14 ? ImageProbe.le32(b, 10) & 0xFFFFFFFFL : Long.MAX_VALUE;
        return (declared == 0 || declared <= b.length) && dataOffset < b.length;
    }
}
