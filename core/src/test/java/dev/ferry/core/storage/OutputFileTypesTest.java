package dev.ferry.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OutputFileTypesTest {
    @Test
    void knownExtensionsIgnoringCaseAndFolders() {
        assertEquals("image/png", OutputFileTypes.of("frames/001.PNG"));
        assertEquals("application/json", OutputFileTypes.of("result.json"));
        assertEquals("text/plain; charset=utf-8", OutputFileTypes.of("a.b/notes.txt"));
    }

    @Test
    void unknownOrMissingExtensionIsOctetStream() {
        assertEquals(MediaTypes.OCTET_STREAM, OutputFileTypes.of("weights.bin7"));
        assertEquals(MediaTypes.OCTET_STREAM, OutputFileTypes.of("README"));
        assertEquals(MediaTypes.OCTET_STREAM, OutputFileTypes.of("dir.png/file"));
        assertEquals(MediaTypes.OCTET_STREAM, OutputFileTypes.of("trailing."));
    }
}
