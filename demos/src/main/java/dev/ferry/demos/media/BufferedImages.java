package dev.ferry.demos.media;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.bytedeco.opencv.opencv_core.Mat;

/** Hands a Java2D image (a rendered PDF page) to OpenCV. */
final class BufferedImages {
    private BufferedImages() {}

    /** A BGR Mat with the pixels of an RGB image. */
    static Mat toBgrMat(BufferedImage image) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(image, 0, 0, null);
        }
        int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        byte[] bgr = new byte[pixels.length * 3];
        for (int i = 0, j = 0; i < pixels.length; i++, j += 3) {
            int p = pixels[i];
            bgr[j] = (byte) p;
            bgr[j + 1] = (byte) (p >> 8);
            bgr[j + 2] = (byte) (p >> 16);
        }
        Mat mat = new Mat(rgb.getHeight(), rgb.getWidth(), CV_8UC3);
        mat.data().put(bgr);
        return mat;
    }
}
