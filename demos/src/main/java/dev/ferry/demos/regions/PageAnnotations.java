package dev.ferry.demos.regions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page's entry in {@code annotations.json}.
 *
 * @param page    the page's number in the job, from 1, counting every page of every input in order
 * @param source  where it came from: the upload's name, {@code scans.zip!/p1.png}, {@code report.pdf#page=3}, a URL
 * @param overlay the page with its boxes drawn, in the job's outputs
 * @param text    with {@code ocr}: the page's text, its files in the job's outputs; absent without
 */
public record PageAnnotations(int page, String source, int width, int height, String overlay, List<Region> regions,
                              @JsonInclude(JsonInclude.Include.NON_NULL) TextFiles text) {

    /** The page's text in reading order ({@code .txt}), as ALTO XML and as hOCR. */
    public record TextFiles(String plain, String alto, String hocr) {}
}
