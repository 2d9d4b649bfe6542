package org.qasite.web;

import static org.qasite.web.HostileBodies.FORM;
import static org.qasite.web.HostileBodies.JSON;
import static org.qasite.web.HostileBodies.OVERSIZED;
import static org.qasite.web.HostileBodies.ascii;
import static org.qasite.web.HostileBodies.concat;
import static org.qasite.web.HostileBodies.enc;
import static org.qasite.web.HostileBodies.multipart;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.qasite.web.HostileBodies.Body;
import org.qasite.web.SiteRoutes.Field;

/**
 * The JSON bodies a hostile client sends to an API route: each field missing, null, of every wrong type, absurdly long or
 * given twice (the others valid); JSON that is broken, nested past reason or not an object; and bodies of another type.
 */
final class HostileJson {

    private HostileJson() {
    }

    /** JSON literals that are of the wrong type, or absurd, for most fields. */
    private static final Map<String, String> JSON_VALUES = jsonValues();

    private static Map<String, String> jsonValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("null", "null");
        v.put("1.5", "1.5");
        v.put("huge number", "99999999999999999999");
        v.put("1e400", "1e400");
        v.put("a string", "\"walk\"");
        v.put("a boolean", "true");
        v.put("an object", "{\"a\":1}");
        v.put("an empty array", "[]");
        v.put("a mixed array", "[\"a\",1,null,{}]");
        v.put("100,000 characters", "\"" + "a".repeat(100_000) + "\"");
        v.put("escaped NUL", "\"a\\u0000b\"");
        v.put("escaped lone surrogate", "\"a\\ud800b\"");
        return v;
    }

    static String object(Map<String, String> literals) {
        StringBuilder s = new StringBuilder("{");
        literals.forEach((k, v) -> s.append(s.length() == 1 ? "" : ",").append('"').append(k).append("\":").append(v));
        return s.append('}').toString();
    }

    static List<Body> forJson(List<Field> fields, Function<Field, String> validLiteral, String tokenName, String token,
            boolean oversized) {
        Map<String, String> base = new LinkedHashMap<>();
        fields.forEach(f -> base.put(f.name(), validLiteral.apply(f)));
        String valid = object(base);
        List<Body> bodies = new ArrayList<>();
        bodies.add(json("valid JSON", valid));
        for (Field f : fields) {
            Map<String, String> missing = new LinkedHashMap<>(base);
            missing.remove(f.name());
            bodies.add(json("JSON without " + f.name(), object(missing)));
            for (Map.Entry<String, String> value : JSON_VALUES.entrySet()) {
                Map<String, String> changed = new LinkedHashMap<>(base);
                changed.put(f.name(), value.getValue());
                bodies.add(json("JSON " + f.name() + " = " + value.getKey(), object(changed)));
            }
            String inner = valid.substring(1, valid.length() - 1);
            bodies.add(json("JSON " + f.name() + " twice", "{" + inner + ",\"" + f.name() + "\":"
                    + validLiteral.apply(f) + "}"));
        }
        if (fields.isEmpty()) {
            bodies.add(json("JSON with a key twice", "{\"a\":1,\"a\":2}"));
        }
        for (String[] c : new String[][] { { "empty JSON body", "" }, { "only spaces", "   " }, { "{", "{" },
                { "}", "}" }, { "an unfinished key", "{\"" }, { "a key without a value", "{\"a\":}" },
                { "a comma alone", "{,}" }, { "an array", "[]" }, { "an array of objects", "[" + valid + "]" },
                { "a string", "\"walk\"" }, { "a number", "42" }, { "true", "true" }, { "null", "null" },
                { "an empty object", "{}" }, { "an unknown property", "{\"unknown\":1}" },
                { "two objects", valid + valid }, { "trailing garbage", valid + "x" },
                { "a byte order mark", "\uFEFF" + valid }, { "single quotes", valid.replace('"', '\'') },
                { "a comment", "/* c */" + valid }, { "10,000 nested arrays", "[".repeat(10_000) },
                { "a 5,000-digit number", "{\"a\":1" + "0".repeat(5000) + "}" },
                { "a 60,000-character key", "{\"" + "k".repeat(60_000) + "\":1}" } }) {
            bodies.add(json(c[0], c[1]));
        }
        bodies.add(new Body("invalid UTF-8 in JSON", JSON, concat(ascii("{\"a\":\""), new byte[] { (byte) 0xFF },
                ascii("\"}"))));
        bodies.add(new Body("JSON with an unknown charset", JSON + "; charset=bogus", ascii(valid)));
        bodies.add(new Body("JSON declared UTF-16", JSON + "; charset=UTF-16", ascii(valid)));
        bodies.add(new Body("JSON without Content-Type", null, ascii(valid)));
        bodies.add(new Body("JSON as text/plain", "text/plain", ascii(valid)));
        bodies.add(new Body("a Content-Type that is no type", "json", ascii(valid)));
        bodies.add(new Body("a form to a JSON route", FORM, ascii("a=1&" + tokenName + "=" + enc(token))));
        bodies.add(multipart("multipart to a JSON route", Map.of("a", "1"), tokenName, token, List.of()));
        if (oversized) {
            bodies.add(json("5 MB of JSON", "{\"a\":\"" + "a".repeat(OVERSIZED) + "\"}"));
        }
        return bodies;
    }

    private static Body json(String what, String text) {
        return new Body(what, JSON, text.getBytes(StandardCharsets.UTF_8));
    }
}
