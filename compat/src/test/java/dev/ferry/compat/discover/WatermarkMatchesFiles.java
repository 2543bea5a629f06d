package dev.ferry.compat.discover;

/** matches.json documents written exactly as the watermarks demo's contract describes them. */
final class WatermarkMatchesFiles {
    private WatermarkMatchesFiles() {}

    /**
     * Two photos: the first's detector found two watermarks (two queries), the second was matched
     * whole. The queries are numbered across photos, so the second photo's is query 2.
     */
    static final String TWO_PHOTOS = """
            {"source": {"uid": "20241208-briquet", "name": "briquet", "images": 120},
             "engine": "local",
             "query_flips": ["none", "rot90", "rot180", "rot270", "hflip", "vflip"],
             "source_flips": ["none"],
             "photos": [
               {"photo": 0, "source": "photo.jpg", "width": 1200, "height": 900, "detected": true,
                "detection": {"boxes": [[0.1, 0.2, 0.4, 0.6], [0.5, 0.5, 0.6, 0.7]], "scores": [0.93, 0.41]},
                "queries": [0, 1]},
               {"photo": 1, "source": "second.jpg", "width": 800, "height": 600, "detected": false, "queries": [2]}
             ],
             "queries": [
               {"query_index": 0, "photo": 0, "box": [0.05, 0.15, 0.45, 0.65], "crop": "crops/0.jpg"},
               {"query_index": 1, "photo": 0, "box": [0.49, 0.48, 0.61, 0.72], "crop": "crops/1.jpg"},
               {"query_index": 2, "photo": 1, "box": [0, 0, 1, 1], "crop": "crops/2.jpg"}
             ],
             "matches": [
               [{"similarity": 0.81, "best_source_flip": 0, "best_query_flip": 2, "query_index": 0, "source_index": 17,
                 "source_image": "folder/w17.png", "transposition": "rot180", "inliers": 42},
                {"similarity": 0.44, "best_source_flip": 0, "best_query_flip": 0, "query_index": 0, "source_index": 3,
                 "source_image": "folder/w3.png", "transposition": "none", "inliers": 12}],
               [],
               [{"similarity": 0.66, "best_source_flip": 0, "best_query_flip": 4, "query_index": 2, "source_index": 5,
                 "source_image": "folder/w5.png", "transposition": "hflip", "inliers": 30}]
             ]}""";

    /** discover's result for {@link #TWO_PHOTOS}: the first photo's detection and its two queries' matches. */
    static final String TWO_PHOTOS_RESULT = """
            {"detection": {"boxes": [[0.1, 0.2, 0.4, 0.6], [0.5, 0.5, 0.6, 0.7]], "scores": [0.93, 0.41]},
             "matches": [
               [{"similarity": 0.81, "best_source_flip": 0, "best_query_flip": 2, "query_index": 0, "source_index": 17,
                 "source_image": "folder/w17.png", "transposition": "rot180", "inliers": 42},
                {"similarity": 0.44, "best_source_flip": 0, "best_query_flip": 0, "query_index": 0, "source_index": 3,
                 "source_image": "folder/w3.png", "transposition": "none", "inliers": 12}],
               []
             ],
             "query_flips": [null, "rot90", "rot180", "rot270", "hflip", "vflip"]}""";

    /** One photo matched whole (detect off, or no detector installed), with the query flips a job asked for. */
    static final String WHOLE_PHOTO = """
            {"source": {"uid": "20241208-briquet", "name": "briquet", "images": 120},
             "engine": "embedding",
             "query_flips": ["rot90", "none"],
             "source_flips": ["none"],
             "photos": [{"photo": 0, "source": "photo.jpg", "width": 1200, "height": 900, "detected": false, "queries": [0]}],
             "queries": [{"query_index": 0, "photo": 0, "box": [0, 0, 1, 1], "crop": "crops/0.jpg"}],
             "matches": [[{"similarity": 0.9, "best_source_flip": 0, "best_query_flip": 1, "query_index": 0, "source_index": 0,
                           "source_image": "w0.png", "transposition": "none"}]]}""";

    /** discover's result for {@link #WHOLE_PHOTO}: no detection, as discover answered with detect false. */
    static final String WHOLE_PHOTO_RESULT = """
            {"matches": [[{"similarity": 0.9, "best_source_flip": 0, "best_query_flip": 1, "query_index": 0, "source_index": 0,
                           "source_image": "w0.png", "transposition": "none"}]],
             "query_flips": ["rot90", null]}""";
}
