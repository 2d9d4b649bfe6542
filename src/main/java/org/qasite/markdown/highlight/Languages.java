package org.qasite.markdown.highlight;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The languages a fenced code block may name, under the names people write after the fence ({@code ```js},
 * {@code ```typescript}, {@code ```sh}). Any other name leaves the block plain.
 */
public final class Languages {

    private static final List<String> SLASHES = List.of("//");
    private static final List<String> HASH = List.of("#");
    private static final List<String> C_BLOCK = List.of("/*", "*/");

    private static final Grammar JAVA = Grammar.of("""
            abstract assert boolean break byte case catch char class const continue default do double else enum
            extends final finally float for goto if implements import instanceof int interface long native new
            package private protected public return short static strictfp super switch synchronized this throw
            throws transient try void volatile while var record sealed permits non-sealed yield""")
            .literals("true false null")
            .types("String Object Integer Long Double Boolean List Map Set Optional")
            .comments(SLASHES, C_BLOCK).strings("\"'", "", "", List.of("\"\"\"")).withAnnotations()
            .identifierAlso("$");

    private static final Grammar KOTLIN = Grammar.of("""
            as break class continue do else for fun if in interface is object package return super this throw
            try typealias typeof val var when while by catch constructor delegate dynamic field file finally get
            import init param property receiver set setparam where actual abstract annotation companion const
            crossinline data enum expect external final infix inline inner internal lateinit noinline open
            operator out override private protected public reified sealed suspend tailrec vararg""")
            .literals("true false null")
            .types("Int Long Short Byte Double Float Boolean Char String Unit Any Nothing List Map Set")
            .comments(SLASHES, C_BLOCK).strings("\"'", "", "", List.of("\"\"\"")).withAnnotations();

    private static final Grammar JAVASCRIPT = Grammar.of("""
            async await break case catch class const continue debugger default delete do else export extends
            finally for from function get if import in instanceof let new of return set static super switch this
            throw try typeof var void while with yield as implements interface package private protected public
            enum type namespace declare readonly abstract keyof infer is satisfies""")
            .literals("true false null undefined NaN Infinity")
            .types("any unknown never string number boolean bigint symbol object")
            .comments(SLASHES, C_BLOCK).strings("\"'`", "`", "", List.of()).withAnnotations()
            .identifierAlso("$");

    private static final Grammar PYTHON = Grammar.of("""
            and as assert async await break class continue def del elif else except finally for from global if
            import in is lambda nonlocal not or pass raise return try while with yield match case""")
            .literals("True False None")
            .types("int float str bool list dict set tuple bytes object print len range self cls")
            .comments(HASH, List.of()).strings("\"'", "", "", List.of("\"\"\"", "'''")).withAnnotations();

    private static final Grammar SQL = Grammar.of("""
            select from where and or not in is like ilike between join inner left right full outer cross on using
            group by order having limit offset fetch first next rows only union all intersect except distinct as
            insert into values update set delete create alter drop table index view sequence schema database
            primary key foreign references unique check default constraint cascade returning with recursive case
            when then else end exists asc desc nulls if begin commit rollback transaction grant revoke trigger
            function procedure returns language over partition window lateral materialized do nothing conflict
            explain analyze vacuum add column rename to""")
            .ignoringCase()
            .literals("null true false")
            .types("""
                    int integer bigint smallint serial bigserial numeric decimal real double precision float text
                    varchar char character boolean bool date time timestamp timestamptz interval uuid json jsonb
                    bytea tsvector""")
            .comments(List.of("--"), C_BLOCK).strings("'", "'", "'", List.of());

    private static final Grammar SHELL = Grammar.of("""
            if then else elif fi for while until do done case esac in function select return break continue
            local export readonly declare unset shift time""")
            .types("""
                    echo printf cd pwd source alias exit exec eval read test trap set kill wait sudo""")
            .comments(HASH, List.of()).strings("\"'", "\"'", "'", List.of()).withShellVariables();

    private static final Grammar JSON = Grammar.of("")
            .literals("true false null")
            .strings("\"", "", "", List.of()).withKeys();

    private static final Grammar CSS = Grammar.of("")
            .comments(List.of(), C_BLOCK).strings("\"'", "", "", List.of()).withAnnotations().identifierAlso("-")
            .withProperties();

    private static final Grammar GO = Grammar.of("""
            break case chan const continue default defer else fallthrough for func go goto if import interface
            map package range return select struct switch type var""")
            .literals("true false nil iota")
            .types("""
                    bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string
                    uint uint8 uint16 uint32 uint64 uintptr any append cap close copy delete len make new panic
                    print println recover""")
            .comments(SLASHES, C_BLOCK).strings("\"'`", "`", "`", List.of());

    private static final Grammar C = Grammar.of("""
            auto break case const continue default do else enum extern for goto if inline register restrict
            return sizeof static struct switch typedef union volatile while alignas alignof class constexpr
            consteval constinit decltype delete explicit export friend mutable namespace new noexcept operator
            private protected public template this throw try catch typename using virtual override final
            static_cast dynamic_cast reinterpret_cast const_cast co_await co_return co_yield concept requires""")
            .literals("true false NULL nullptr")
            .types("""
                    void char short int long float double signed unsigned bool size_t int8_t int16_t int32_t int64_t
                    uint8_t uint16_t uint32_t uint64_t wchar_t std string vector map""")
            .comments(SLASHES, C_BLOCK).strings("\"'", "", "", List.of()).withPreprocessor();

    private static final Map<String, BiConsumer<String, Tokens>> SCANNERS = new HashMap<>();

    static {
        register(code(JAVA), "java");
        register(code(KOTLIN), "kotlin", "kt", "kts");
        register(code(JAVASCRIPT), "javascript", "js", "jsx", "mjs", "cjs", "typescript", "ts", "tsx");
        register(code(PYTHON), "python", "py", "python3");
        register(code(SQL), "sql", "postgresql", "postgres", "psql", "mysql", "plsql", "sqlite");
        register(code(SHELL), "bash", "sh", "shell", "zsh", "console", "shellsession");
        register(code(JSON), "json", "jsonc", "json5");
        register(code(CSS), "css", "scss", "less");
        register(code(GO), "go", "golang");
        register(code(C), "c", "h", "cpp", "c++", "cc", "cxx", "hpp", "hxx");
        register(MarkupScanner::scan, "xml", "html", "xhtml", "svg", "markup", "htm", "pom", "plist");
        register(YamlScanner::scan, "yaml", "yml");
    }

    private Languages() {
    }

    private static BiConsumer<String, Tokens> code(Grammar grammar) {
        return (code, out) -> CodeScanner.scan(grammar, code, out);
    }

    private static void register(BiConsumer<String, Tokens> scanner, String... names) {
        for (String name : names) {
            SCANNERS.put(name, scanner);
        }
    }

    /** Whether a block naming this language is highlighted. */
    public static boolean isKnown(String language) {
        return language != null && SCANNERS.containsKey(language.toLowerCase(Locale.ROOT));
    }

    /**
     * Writes the code as tokens of the named language.
     *
     * @throws IllegalArgumentException for a language that {@link #isKnown} does not know
     */
    public static void highlight(String language, String code, Tokens out) {
        BiConsumer<String, Tokens> scanner = language == null ? null
                : SCANNERS.get(language.toLowerCase(Locale.ROOT));
        if (scanner == null) {
            throw new IllegalArgumentException("no highlighting for " + language);
        }
        scanner.accept(code, out);
    }
}
