package dev.ferry.api.jobs;

import dev.ferry.api.demos.ServedDemo;
import dev.ferry.api.http.ApiException;
import dev.ferry.api.http.ErrorBody;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.error.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;

/**
 * POST /api/v1/demos/{demo}/validate: the checks of a submit, on a JSON body, without queuing
 * anything — so a form can say before a long upload that a parameter is out of range or that
 * the model it names is not installed. The question is answered with 200 either way: valid,
 * with the parameters' defaults filled in, or not, with the error a submit would answer (a
 * request the API cannot read at all is still a 4xx). Files are not sent, so only a missing
 * input is not checked.
 */
public final class ValidateHandler implements Handler {
    private final DemoCatalog demos;
    private final SubmitChecks checks;

    /** @param checks the same checks the submit runs */
    public ValidateHandler(DemoCatalog demos, SubmitChecks checks) {
        this.demos = demos;
        this.checks = checks;
    }

    @Override
    public void handle(Context ctx) {
        Demo demo = demos.find(ServedDemo.of(ctx, demos)).orElseThrow();
        SubmitForm form = switch (BodyKind.of(ctx)) {
            case JSON -> JsonSubmitReader.read(ctx);
            case NONE -> SubmitForm.EMPTY;
            case MULTIPART -> throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "a validation takes a JSON body ({\"params\": {...}}); files are checked when they are submitted");
        };
        try {
            SubmitChecks.Checked checked = checks.check(demo, form, SubmitCaller.of(ctx), false);
            ctx.json(new Verdict(demo.name(), true, checked.params(), null));
        } catch (ApiException e) {
            ctx.json(new Verdict(demo.name(), false, null, ErrorBody.of(e).error()));
        } catch (InvalidParamException e) {
            ctx.json(new Verdict(demo.name(), false, null, ErrorBody.of(ApiException.invalidParam(e.field(), e.getMessage())).error()));
        }
    }

    /** {@code params} when valid, {@code error} ({@code code}, {@code message}, {@code field}) when not. */
    record Verdict(String demo, boolean valid, Map<String, Object> params, ErrorBody.Detail error) {}
}
