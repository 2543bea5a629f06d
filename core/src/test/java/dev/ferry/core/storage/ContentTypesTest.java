package dev.ferry.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentTypesTest {
    @Test
    void knownExtensionsIgnoringCaseAndFolders() {
        assertEquals("image/png", ContentTypes.of("frames/001.PNG"));
        assertEquals("application/json", ContentTypes.of("result.json"));
        assertEquals("text/plain; charset=utf-8", ContentTypes.of("a.b/notes.txt"));
    }

    @Test
    void unknownOrMissingExtensionIsOctetStream() {
        assertEquals(ContentTypes.DEFAULT, ContentTypes.of("weights.bin7"));
        assertEquals(ContentTypes.DEFAULT, ContentTypes.of("README"));
        assertEquals(ContentTypes.DEFAULT, ContentTypes.of("dir.png/file"));
        assertEquals(ContentTypes.DEFAULT, ContentTypes.of("trailing."));
    }
}
