package dev.ferry.demos.asr;

import java.io.IOException;

/** The asr tests' speech, whose timing they assert on. */
final class TestSpeech {
    private TestSpeech() {}

    /** Two sentences from espeak-ng: 1 s of silence, a sentence, 2 s of silence, a sentence, 1 s of silence. */
    static SyntheticSpeech twoSentences() throws IOException {
        return SyntheticSpeech.create()
                .silence(1.0)
                .say("The quick brown fox jumps over the lazy dog.")
                .silence(2.0)
                .say("She sells sea shells by the sea shore.")
                .silence(1.0);
    }
}
