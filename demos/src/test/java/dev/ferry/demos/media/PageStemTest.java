package dev.ferry.demos.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Output file names: numbered in page order, readable, safe whatever the source says. */
class PageStemTest {
    @Test
    void theNumberComesFirstAndTheSourceBecomesASafeTail() {
        assertEquals("0001-scan", PageStem.of(1, "scan.png"));
        assertEquals("0002-scans.zip_p1", PageStem.of(2, "scans.zip!/p1.png"));
        assertEquals("0003-report.pdf_page_3", PageStem.of(3, "report.pdf#page=3"));
        assertEquals("0004-iiif_f1_full_2000_2000_0_default",
                PageStem.of(4, "https://example.org/iiif/f1/full/!2000,2000/0/default.jpg"));
        assertEquals("12345-a_b", PageStem.of(12345, "a b.TIFF"));
    }

    @Test
    void nothingOfTheSourceCanLeaveTheOutputsFolderOrGrowWithoutBound() {
        assertEquals("0001-etc_passwd", PageStem.of(1, "../../etc/passwd"));
        assertEquals("0002", PageStem.of(2, "https://example.org/"));
        assertEquals("0003", PageStem.of(3, "..."));
        String stem = PageStem.of(4, "https://example.org/" + "x/".repeat(200) + "last-page.png");
        assertTrue(stem.length() <= 5 + PageStem.MAX_TAIL, stem);
        assertTrue(stem.endsWith("_last-page"), stem);
    }
}
