package org.qasite.web.compression;

import java.util.Locale;

/** Reads an {@code Accept-Encoding} header: whether it accepts one coding (named, or by {@code *}, with q above 0). */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    static boolean accepts(String header, String coding) {
        if (header == null) {
            return false;
        }
        Boolean wildcard = null;
        for (String part : header.split(",")) {
            // -1: a part of nothing but ";" still has a first piece
            String[] pieces = part.split(";", -1);
            String name = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean allowed = quality(pieces) > 0;
            if (name.equals(coding)) {
                return allowed;
            }
            if (name.equals("*")) {
                wildcard = allowed;
            }
        }
        return Boolean.TRUE.equals(wildcard);
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
