package dev.ferry.core.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.core.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Checks one value against one {@link Param}. */
final class ParamValidator {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal DOUBLE_MAX = BigDecimal.valueOf(Double.MAX_VALUE);
    private static final BigDecimal DOUBLE_MIN = DOUBLE_MAX.negate();

    private ParamValidator() {}

    static Object check(Param param, Object value) {
        return switch (param.type()) {
            case INTEGER -> asInteger(param, value);
            case NUMBER -> asNumber(param, value);
            case BOOLEAN -> asBoolean(param, value);
            case STRING -> lengthInRange(param, asString(param, value));
            case ENUM -> oneOf(param, asString(param, value));
            case LIST -> countInRange(param, asObjects(param, value));
        };
    }

    private static long asInteger(Param param, Object value) {
        BigDecimal exact = exact(param, "an integer", value);
        if (exact.stripTrailingZeros().scale() > 0) {
            throw wrongType(param, "an integer", value);
        }
        return inRange(param, exact, LONG_MIN, LONG_MAX).longValueExact();
    }

    private static double asNumber(Param param, Object value) {
        return inRange(param, exact(param, "a number", value), DOUBLE_MIN, DOUBLE_MAX).doubleValue();
    }

    private static boolean asBoolean(Param param, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(param, "true or false", value);
    }

    private static String asString(Param param, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(param, "a string", value);
    }

    /**
     * The number exactly as the client sent it. Clients send any size or form (1e30, 20 digits,
     * -1e400), so ranges are checked on this value, never on a long or double it may not fit.
     */
    private static BigDecimal exact(Param param, String expected, Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                return new BigDecimal(value.toString());
            }
        } else if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        throw wrongType(param, expected, value);
    }

    /** Checks the declared range, narrowed to what the parameter's Java type holds. */
    private static BigDecimal inRange(Param param, BigDecimal value, BigDecimal floor, BigDecimal ceiling) {
        BigDecimal min = param.min().map(BigDecimal::valueOf).filter(m -> m.compareTo(floor) > 0).orElse(floor);
        BigDecimal max = param.max().map(BigDecimal::valueOf).filter(m -> m.compareTo(ceiling) < 0).orElse(ceiling);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidParamException(param.name(), "parameter '" + param.name() + "' must be between "
                    + bound(min) + " and " + bound(max) + ", got " + asSent(value));
        }
        return value;
    }

    /** A list of JSON objects, or a string holding one (a form field sends text); the empty string is none. */
    private static List<Map<?, ?>> asObjects(Param param, Object value) {
        Object list = value;
        if (value instanceof String text) {
            try {
                list = text.isBlank() ? List.of() : Json.MAPPER.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                throw new InvalidParamException(param.name(), "parameter '" + param.name() + "' is not valid JSON: "
                        + e.getOriginalMessage());
            }
        }
        if (!(list instanceof List<?> items) || !items.stream().allMatch(Map.class::isInstance)) {
            throw wrongType(param, "a list of JSON objects", value);
        }
        return items.stream().<Map<?, ?>>map(Map.class::cast).toList();
    }

    private static List<Map<?, ?>> countInRange(Param param, List<Map<?, ?>> items) {
        if (param.max().isPresent() && items.size() > param.max().get()
                || param.min().isPresent() && items.size() < param.min().get()) {
            throw new InvalidParamException(param.name(), "parameter '" + param.name() + "' must list "
                    + format(param.min().orElse(0.0)) + " to " + format(param.max().orElse(Double.POSITIVE_INFINITY))
                    + " items, got " + items.size());
        }
        return items;
    }

    private static String lengthInRange(Param param, String value) {
        if (param.max().isPresent() && value.length() > param.max().get()
                || param.min().isPresent() && value.length() < param.min().get()) {
            throw new InvalidParamException(param.name(), "parameter '" + param.name() + "' must be "
                    + format(param.min().orElse(0.0)) + " to " + format(param.max().orElse(Double.POSITIVE_INFINITY))
                    + " characters long");
        }
        return value;
    }

    private static String oneOf(Param param, String value) {
        if (!param.values().contains(value)) {
            throw new InvalidParamException(param.name(), "parameter '" + param.name() + "' must be one of "
                    + param.values() + ", got '" + value + "'");
        }
        return value;
    }

    private static InvalidParamException wrongType(Param param, String expected, Object value) {
        String got = value instanceof String ? "the string '" + value + "'"
                : value instanceof BigDecimal d ? asSent(d) : String.valueOf(value);
        return new InvalidParamException(param.name(), "parameter '" + param.name() + "' must be " + expected + ", got " + got);
    }

    /** A bound as a programmer wrote it: 600000, 0.5, 9223372036854775807, 1.7976931348623157e308. */
    private static String bound(BigDecimal bound) {
        BigDecimal plain = bound.stripTrailingZeros();
        return plain.scale() <= 0 && plain.precision() - plain.scale() <= 20 ? plain.toPlainString() : asSent(plain);
    }

    /** JSON's spelling of a number: 1e30 stays 1e30 and 1.50 stays 1.50 (Java would print 1E+30). */
    private static String asSent(BigDecimal value) {
        return value.toString().replace("E+", "e").replace('E', 'e');
    }

    private static String format(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
