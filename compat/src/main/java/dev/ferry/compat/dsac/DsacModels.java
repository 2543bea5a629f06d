package dev.ferry.compat.dsac;

import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * Which installed asr model a DSAC request runs on. DSAC chose its model from DEC_LANG and SR
 * (run_decode.sh: nb_zu_gen for zul at 8 kHz, bb_en-za_gen for eng at 16 kHz...); Ferry looks
 * for an asr model named {@code <DEC_LANG>_8k} or {@code _16k}, then {@code <DEC_LANG>}.
 * CUSTOM_GRAPH names a model outright, as DSAC's PARL named its parliament graph.
 */
final class DsacModels {
    static final String DEMO = "asr";
    private final ModelStore store;

    DsacModels(ModelStore store) {
        this.store = store;
    }

    /** @throws DsacException 400 naming the models it looked for, when none is installed */
    String choose(DsacRequest request) {
        List<String> candidates = request.customGraph().map(List::of).orElseGet(() -> List.of(
                request.language() + "_" + request.sampleRate() / 1000 + "k", request.language()));
        for (String name : candidates) {
            if (store.status(new ModelRef(DEMO, name)).usable()) {
                return name;
            }
        }
        String header = request.customGraph().isPresent() ? "CUSTOM_GRAPH" : "DEC_LANG and SR";
        throw new DsacException(HttpStatus.BAD_REQUEST, "Bad request: no speech recognition model for " + header + " is installed"
                + " here: install one as " + String.join(" or ", candidates.stream().map(n -> "asr/" + n).toList())
                + " (ferry models install asr " + candidates.get(0) + " --from <model.onnx> --contract <model.json>)");
    }
}
