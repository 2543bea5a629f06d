package dev.ferry.core.demo;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Checks one value against one {@link Param}. */
final class ParamValidator {
    private ParamValidator() {}

    static Object check(Param param, Object value) {
        return switch (param.type()) {
            case INTEGER -> inRange(param, asInteger(param, value));
            case NUMBER -> inRange(param, asNumber(param, value));
            case BOOLEAN -> asBoolean(param, value);
            case STRING -> lengthInRange(param, asString(param, value));
            case ENUM -> oneOf(param, asString(param, value));
        };
    }

    private static long asInteger(Param param, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            if (d.stripTrailingZeros().scale() <= 0) {
                return d.longValueExact();
            }
        }
        throw wrongType(param, "an integer", value);
    }

    private static double asNumber(Param param, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(param, "a number", value);
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

    private static long inRange(Param param, long value) {
        inRange(param, (double) value);
        return value;
    }

    private static double inRange(Param param, double value) {
        if (param.min().isPresent() && value < param.min().get() || param.max().isPresent() && value > param.max().get()) {
            throw new InvalidParamException(param.name(), "parameter '" + param.name() + "' must be between "
                    + format(param.min().orElse(Double.NEGATIVE_INFINITY)) + " and "
                    + format(param.max().orElse(Double.POSITIVE_INFINITY)) + ", got " + format(value));
        }
        return value;
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
        String got = value instanceof String ? "the string '" + value + "'" : String.valueOf(value);
        return new InvalidParamException(param.name(), "parameter '" + param.name() + "' must be " + expected + ", got " + got);
    }

    private static String format(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
