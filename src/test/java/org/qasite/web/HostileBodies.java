package org.qasite.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.qasite.web.SiteRoutes.Field;

/**
 * The forms a hostile client sends instead of the one a route expects: each hostile value in each field (the others
 * left valid), broken encodings and boundaries, the wrong type of body, with and without the CSRF token. (JSON bodies:
 * {@link HostileJson}.)
 */
final class HostileBodies {

    /** A body and the Content-Type it is sent with (null: no such header). */
    record Body(String what, String contentType, byte[] bytes) {
    }

    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";
    /** Over the site's 4 MB body limit. */
    static final int OVERSIZED = 5 * 1024 * 1024;
    /** A 1×1 PNG: an upload that is what it says. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /** Field values (as the client means them, before encoding). */
    private static final Map<String, String> FIELD_VALUES = values();

    private static Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("empty", "");
        v.put("spaces", "   ");
        v.put("NUL", "a\u0000b");
        v.put("right-to-left override", "\u202Ewalk");
        v.put("lone surrogate", "a\uD800b");
        v.put("-1", "-1");
        v.put("huge number", "99999999999999999999");
        v.put("40,000 characters", "a".repeat(40_000));
        v.put("markup", "<script>alert(1)</script>");
        return v;
    }

    private HostileBodies() {
    }

    // ---- url-encoded forms ----------------------------------------------------------------------------------

    static Body form(String what, Map<String, String> fields, String tokenName, String token) {
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> s.append(s.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        if (token != null) {
            s.append(s.isEmpty() ? "" : "&").append(tokenName).append('=').append(enc(token));
        }
        return new Body(what, FORM, ascii(s.toString()));
    }

    static List<Body> forForm(List<Field> fields, Function<Field, String> valid, String tokenName, String token,
            boolean oversized) {
        Map<String, String> base = validFields(fields, valid);
        String t = tokenName + "=" + enc(token);
        List<Body> bodies = new ArrayList<>();
        bodies.add(form("valid form", base, tokenName, token));
        bodies.add(form("form without the CSRF token", base, tokenName, null));
        bodies.add(form("form with a wrong CSRF token", base, tokenName, "forged-token"));
        bodies.add(new Body("empty form body", FORM, new byte[0]));
        bodies.add(new Body("only the CSRF token", FORM, ascii(t)));
        for (Field f : fields) {
            Map<String, String> missing = new LinkedHashMap<>(base);
            missing.remove(f.name());
            bodies.add(form("form without " + f.name(), missing, tokenName, token));
            for (Map.Entry<String, String> value : FIELD_VALUES.entrySet()) {
                Map<String, String> changed = new LinkedHashMap<>(base);
                changed.put(f.name(), value.getValue());
                bodies.add(form("form " + f.name() + " = " + value.getKey(), changed, tokenName, token));
            }
            String rest = encodedWithout(base, f.name());
            bodies.add(new Body("form " + f.name() + " twice", FORM,
                    ascii(rest + enc(f.name()) + "=walk&" + enc(f.name()) + "=walk-again&" + t)));
            bodies.add(new Body("form " + f.name() + " as invalid UTF-8", FORM,
                    ascii(rest + enc(f.name()) + "=%FF%FEwalk&" + t)));
            bodies.add(new Body("form " + f.name() + "[] (array syntax)", FORM,
                    ascii(rest + enc(f.name()) + "[]=walk&" + t)));
            bodies.add(new Body("form " + f.name() + " without '='", FORM, ascii(rest + enc(f.name()) + "&" + t)));
        }
        String encoded = new String(form("", base, tokenName, token).bytes(), StandardCharsets.US_ASCII);
        bodies.add(new Body("broken %-escape", FORM, ascii("%ZZ=1&" + encoded)));
        bodies.add(new Body("a lone % at the end", FORM, ascii(encoded + "&x=%")));
        bodies.add(new Body("300 extra fields", FORM, ascii(encoded + "&x=1".repeat(300))));
        bodies.add(new Body("JSON sent as JSON to a form", JSON, ascii("{\"a\":1}")));
        bodies.add(new Body("JSON sent as a form", FORM, ascii("{\"a\":1," + t + "}")));
        bodies.add(new Body("text/plain", "text/plain", ascii(encoded)));
        bodies.add(new Body("form with an unknown charset", FORM + "; charset=bogus", ascii(encoded)));
        bodies.add(new Body("form declared UTF-16", FORM + "; charset=UTF-16", ascii(encoded)));
        bodies.add(new Body("form without Content-Type", null, ascii(encoded)));
        bodies.add(multipart("multipart to a url-encoded route", base, tokenName, token, List.of()));
        if (oversized) {
            bodies.add(new Body("5 MB form", FORM, ascii(encoded + "&x=" + "a".repeat(OVERSIZED))));
        }
        return bodies;
    }

    // ---- multipart forms ------------------------------------------------------------------------------------

    record Part(String name, String filename, String contentType, byte[] content) {
    }

    static Body multipart(String what, Map<String, String> fields, String tokenName, String token, List<Part> more) {
        List<Part> parts = new ArrayList<>();
        fields.forEach((k, v) -> parts.add(new Part(k, null, null, v.getBytes(StandardCharsets.UTF_8))));
        if (token != null) {
            parts.add(new Part(tokenName, null, null, ascii(token)));
        }
        parts.addAll(more);
        String boundary = "walk-boundary-7d1f";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"") + "\r\n"
                    + (p.contentType() == null ? "" : "Content-Type: " + p.contentType() + "\r\n") + "\r\n"));
            out.writeBytes(p.content());
            out.writeBytes(ascii("\r\n"));
        }
        out.writeBytes(ascii("--" + boundary + "--\r\n"));
        return new Body(what, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    static List<Body> forMultipart(List<Field> fields, Function<Field, String> valid, String tokenName, String token,
            boolean oversized) {
        List<Field> plain = fields.stream().filter(f -> !f.file()).toList();
        Map<String, String> base = validFields(plain, valid);
        List<Body> bodies = new ArrayList<>();
        bodies.add(multipart("valid multipart form", base, tokenName, token, List.of()));
        bodies.add(multipart("multipart without the CSRF token", base, tokenName, null, List.of()));
        bodies.add(multipart("multipart with a wrong CSRF token", base, tokenName, "forged-token", List.of()));
        for (Field f : plain) {
            Map<String, String> missing = new LinkedHashMap<>(base);
            missing.remove(f.name());
            bodies.add(multipart("multipart without " + f.name(), missing, tokenName, token, List.of()));
            for (Map.Entry<String, String> value : FIELD_VALUES.entrySet()) {
                Map<String, String> changed = new LinkedHashMap<>(base);
                changed.put(f.name(), value.getValue());
                bodies.add(multipart("multipart " + f.name() + " = " + value.getKey(), changed, tokenName, token,
                        List.of()));
            }
            Map<String, String> without = new LinkedHashMap<>(base);
            without.remove(f.name());
            bodies.add(multipart("multipart " + f.name() + " twice", without, tokenName, token,
                    List.of(new Part(f.name(), null, null, ascii("walk")), new Part(f.name(), null, null, ascii("x")))));
            bodies.add(multipart("multipart " + f.name() + " as invalid UTF-8", without, tokenName, token,
                    List.of(new Part(f.name(), null, null, new byte[] { (byte) 0xFF, (byte) 0xFE, 'a' }))));
            bodies.add(multipart("multipart " + f.name() + " sent as a file", without, tokenName, token,
                    List.of(new Part(f.name(), "walk.txt", "text/plain", ascii("walk")))));
        }
        for (Field f : fields.stream().filter(Field::file).toList()) {
            String n = f.name();
            Map<String, Part> files = new LinkedHashMap<>();
            files.put("text called a PNG", new Part(n, "walk.png", "image/png", ascii("this is no picture")));
            files.put("an empty file", new Part(n, "walk.png", "image/png", new byte[0]));
            files.put("junk without a name", new Part(n, "", "application/octet-stream", new byte[] { 0, 1, 2, 3 }));
            files.put("a PNG named with a 2,000-character path",
                    new Part(n, "../../" + "a".repeat(2000) + ".png", "image/png", PNG));
            files.put("half a PNG", new Part(n, "walk.png", "image/png", Arrays.copyOf(PNG, PNG.length / 2)));
            files.put("a PNG with a broken Content-Type", new Part(n, "walk.png", "image/png; charset=\"", PNG));
            files.put("a plain field", new Part(n, null, null, ascii("a file field sent as text")));
            files.forEach((label, part) -> bodies.add(multipart("multipart " + n + " as " + label, base, tokenName,
                    token, List.of(part))));
            bodies.add(multipart("multipart " + n + " twice", base, tokenName, token,
                    List.of(new Part(n, "a.png", "image/png", PNG), new Part(n, "b.png", "image/png", PNG))));
        }
        Body first = bodies.get(0);
        String text = new String(first.bytes(), StandardCharsets.UTF_8);
        bodies.add(new Body("multipart without a boundary", "multipart/form-data", first.bytes()));
        bodies.add(new Body("multipart with another boundary", "multipart/form-data; boundary=other", first.bytes()));
        bodies.add(new Body("multipart cut short", first.contentType(),
                text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8)));
        bodies.add(new Body("multipart without its closing boundary", first.contentType(),
                text.replace("--walk-boundary-7d1f--\r\n", "").getBytes(StandardCharsets.UTF_8)));
        bodies.add(new Body("multipart part without a name", first.contentType(),
                text.replaceFirst("; name=\"[^\"]*\"", "").getBytes(StandardCharsets.UTF_8)));
        bodies.add(new Body("empty multipart body", first.contentType(), new byte[0]));
        bodies.add(form("url-encoded form to a multipart route", base, tokenName, token));
        bodies.add(new Body("JSON to a multipart route", JSON, ascii("{}")));
        if (oversized) {
            bodies.add(multipart("5 MB multipart", base, tokenName, token,
                    List.of(new Part("x", "big.png", "image/png", new byte[OVERSIZED]))));
        }
        return bodies;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Map<String, String> validFields(List<Field> fields, Function<Field, String> valid) {
        Map<String, String> base = new LinkedHashMap<>();
        fields.stream().filter(f -> !f.file()).forEach(f -> base.put(f.name(), valid.apply(f)));
        return base;
    }

    private static String encodedWithout(Map<String, String> fields, String name) {
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!k.equals(name)) {
                s.append(enc(k)).append('=').append(enc(v)).append('&');
            }
        });
        return s.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
