/**
 * CTC decoding shared by every demo whose model emits per-frame scores over a vocabulary
 * with a blank (asr's speech models, the regions demo's text recogniser): the scores
 * ({@link dev.ferry.demos.ctc.CtcScores}), greedy or prefix-beam decoding
 * ({@link dev.ferry.demos.ctc.CtcDecoder}) and the Viterbi alignment of the chosen tokens
 * ({@link dev.ferry.demos.ctc.CtcAligner}) that gives each token its frames and confidence.
 */
package dev.ferry.demos.ctc;
