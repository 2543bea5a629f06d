package dev.ferry.core.config;

import java.time.Duration;

/**
 * Limits on the media a job may bring: decoded image size, URL fetching, PDF rendering and
 * ZIP archives. They protect the worker from inputs built to exhaust it (decompression
 * bombs, endless downloads, requests aimed at internal services). The ZIP limits also bound
 * a watermark source's upload ({@code dev.ferry.core.sources}).
 *
 * @param allowPrivateUrls  fetch from loopback, private, link-local and unique-local addresses too (tests, closed networks)
 * @param maxPixels         largest width × height an image header may declare before it is decoded
 * @param fetchMaxBytes     largest body one URL may return
 * @param fetchTimeout      how long one URL fetch may take, headers and body together
 * @param fetchMaxRedirects redirects followed per URL, each hop checked like the first
 * @param pdfDpi            resolution PDF pages are rendered at
 * @param iiifMaxSize       longest side requested from a IIIF Image API service ({@code /full/!n,n/0/default.jpg})
 * @param zipMaxEntries     entries a ZIP archive may hold
 * @param zipMaxBytes       uncompressed bytes of all entries of one archive together
 * @param zipMaxRatio       largest uncompressed/compressed ratio of an entry larger than 1 MiB
 */
public record MediaSettings(
        boolean allowPrivateUrls,
        long maxPixels,
        long fetchMaxBytes,
        Duration fetchTimeout,
        int fetchMaxRedirects,
        int pdfDpi,
        int iiifMaxSize,
        int zipMaxEntries,
        long zipMaxBytes,
        int zipMaxRatio) {}
