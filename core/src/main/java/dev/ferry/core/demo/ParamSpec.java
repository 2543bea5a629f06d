package dev.ferry.core.demo;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters a demo accepts, and the validation every job's parameters go through at submit. */
public record ParamSpec(List<Param> params) {

    public static ParamSpec of(Param... params) {
        return new ParamSpec(List.of(params));
    }

    @JsonValue
    public List<Param> params() {
        return params;
    }

    /**
     * Checks {@code given} against the spec and returns the full parameter map: every
     * parameter present, defaults filled in, numbers in their canonical Java type.
     *
     * @throws InvalidParamException naming the first offending field
     */
    public Map<String, Object> validate(Map<String, ?> given) {
        for (String name : given.keySet()) {
            if (params.stream().noneMatch(p -> p.name().equals(name))) {
                throw new InvalidParamException(name, "unknown parameter '" + name + "'");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Param param : params) {
            Object value = given.get(param.name());
            if (value == null) {
                value = param.defaultValue().orElseThrow(() ->
                        new InvalidParamException(param.name(), "parameter '" + param.name() + "' is required"));
                out.put(param.name(), value);
            } else {
                out.put(param.name(), ParamValidator.check(param, value));
            }
        }
        return out;
    }
}
