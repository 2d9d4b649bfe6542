package org.qasite.markdown.highlight;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the {@link CodeScanner} needs to know of a programming language: its words, comments and strings. Immutable;
 * each {@code with…} returns a changed copy.
 */
record Grammar(Set<String> keywords, Set<String> literals, Set<String> types, List<String> lineComments,
        List<String> blockComments, String quotes, String multilineQuotes, String rawQuotes, List<String> longQuotes,
        boolean ignoreCase, boolean annotations, boolean preprocessor, boolean shellVariables, String extraIdentifier,
        boolean keys, boolean properties) {

    static Grammar of(String keywords) {
        return new Grammar(words(keywords), Set.of(), Set.of(), List.of(), List.of(), "", "", "", List.of(), false,
                false, false, false, "", false, false);
    }

    private static Set<String> words(String spaced) {
        return spaced.isBlank() ? Set.of() : Set.of(spaced.trim().split("\\s+"));
    }

    Grammar literals(String spaced) {
        return new Grammar(keywords, words(spaced), types, lineComments, blockComments, quotes, multilineQuotes,
                rawQuotes, longQuotes, ignoreCase, annotations, preprocessor, shellVariables, extraIdentifier, keys,
                properties);
    }

    Grammar types(String spaced) {
        return new Grammar(keywords, literals, words(spaced), lineComments, blockComments, quotes, multilineQuotes,
                rawQuotes, longQuotes, ignoreCase, annotations, preprocessor, shellVariables, extraIdentifier, keys,
                properties);
    }

    /** Line comments ("//", "#", "--"), and block comments as their opening and closing delimiters one after the other. */
    Grammar comments(List<String> line, List<String> block) {
        return new Grammar(keywords, literals, types, line, block, quotes, multilineQuotes, rawQuotes, longQuotes,
                ignoreCase, annotations, preprocessor, shellVariables, extraIdentifier, keys, properties);
    }

    /**
     * @param quotes the characters that open and close a string
     * @param multiline those of them whose strings may span lines (JavaScript's template, Go's raw string)
     * @param raw those of them in which a backslash escapes nothing
     * @param longQuotes delimiters of several characters (Python's and Java's triple quotes), tried first
     */
    Grammar strings(String quotes, String multiline, String raw, List<String> longQuotes) {
        return new Grammar(keywords, literals, types, lineComments, blockComments, quotes, multiline, raw, longQuotes,
                ignoreCase, annotations, preprocessor, shellVariables, extraIdentifier, keys, properties);
    }

    /** Keywords in any case (SQL): the word sets are given in lower case. */
    Grammar ignoringCase() {
        return new Grammar(keywords, literals, types, lineComments, blockComments, quotes, multilineQuotes, rawQuotes,
                longQuotes, true, annotations, preprocessor, shellVariables, extraIdentifier, keys, properties);
    }

    /** {@code @Name}: annotations, decorators, CSS at-rules. */
    Grammar withAnnotations() {
        return new Grammar(keywords, literals, types, lineComments, blockComments, quotes, multilineQuotes, rawQuotes,
                longQuotes, ignoreCase, true, preprocessor, shellVariables, extraIdentifier, keys, properties);
    }

    /** A {@code #} first on a line starts a preprocessor line (C, C++). */
    Grammar withPreprocessor() {
        return new Grammar(keywords, literals, types, lineComments, blockComments, quotes, multilineQuotes, rawQuotes,
                longQuotes, ignoreCase, annotations, true, shellVariables, extraIdentifier, keys, properties);
    }

    /** {@code $NAME}, {@code ${…}} and {@code $1}; a {@code #} starts a comment only at the start of a word. */
    Grammar withShellVariables() {
        return new Grammar(keywords, literals, types, lineComments, blockComments, quotes, multilineQuotes, rawQuotes,
                longQuotes, ignoreCase, annotations, preprocessor, true, extraIdentifier, keys, properties);
    }

    /** Characters besides letters, digits and "_" that names may contain ("$" in JavaScript, "-" in CSS). */
    Grammar identifierAlso(String characters) {
        return new Grammar(keywords, literals, types, lineComments, blockComments, quotes, multilineQuotes, rawQuotes,
                longQuotes, ignoreCase, annotations, preprocessor, shellVariables, characters, keys, properties);
    }

    /** A string followed by ":" is a key (JSON). */
    Grammar withKeys() {
        return new Grammar(keywords, literals, types, lineComments, blockComments, quotes, multilineQuotes, rawQuotes,
                longQuotes, ignoreCase, annotations, preprocessor, shellVariables, extraIdentifier, true, properties);
    }

    /** A name followed by ":" inside braces is a property (CSS). */
    Grammar withProperties() {
        return new Grammar(keywords, literals, types, lineComments, blockComments, quotes, multilineQuotes, rawQuotes,
                longQuotes, ignoreCase, annotations, preprocessor, shellVariables, extraIdentifier, keys, true);
    }

    Kind kindOf(String word) {
        String key = ignoreCase ? word.toLowerCase(Locale.ROOT) : word;
        if (keywords.contains(key)) {
            return Kind.KEYWORD;
        }
        if (literals.contains(key)) {
            return Kind.LITERAL;
        }
        if (types.contains(key)) {
            return Kind.TYPE;
        }
        return null;
    }
}
