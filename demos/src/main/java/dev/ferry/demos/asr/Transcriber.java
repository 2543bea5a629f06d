package dev.ferry.demos.asr;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.ctc.CtcAligner;
import dev.ferry.demos.ctc.CtcDecoder;
import dev.ferry.demos.ctc.CtcScores;
import dev.ferry.demos.ctc.TokenSpan;
import java.util.List;

/** One segment's audio to words: the model's scores, the decoder's tokens, their alignment, the words. */
final class Transcriber {
    private final CtcRecognizer recognizer;
    private final CtcDecoder decoder;
    private long searchNanos;

    Transcriber(CtcRecognizer recognizer, CtcDecoder decoder) {
        this.recognizer = recognizer;
        this.decoder = decoder;
    }

    CtcContract contract() {
        return recognizer.contract();
    }

    TranscribedSegment transcribe(SpeechSegment segment, float[] samples) throws OrtException {
        CtcScores scores = recognizer.scores(samples);
        long t0 = System.nanoTime();
        int blank = contract().ctc().blankId();
        List<TokenSpan> spans = CtcAligner.align(scores, decoder.decode(scores, blank), blank);
        List<Word> words = Words.of(spans, contract(), scores.frameSeconds(), segment.startSeconds(), segment.endSeconds());
        searchNanos += System.nanoTime() - t0;
        return new TranscribedSegment(segment, words);
    }

    long featureNanos() {
        return recognizer.featureNanos();
    }

    long modelNanos() {
        return recognizer.modelNanos();
    }

    long searchNanos() {
        return searchNanos;
    }
}
