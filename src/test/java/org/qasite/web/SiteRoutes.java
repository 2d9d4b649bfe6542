package org.qasite.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.qasite.web.error.ErrorMapper;

/**
 * Every address the site answers, found in its code, so that a new page or API method is walked without anyone
 * listing it: the JAX-RS resource methods of {@code org.qasite}, its WebSocket endpoints, and routes registered on the
 * Vert.x router. The form login and the static files are not in the code; the walk adds them.
 */
final class SiteRoutes {

    enum Body {
        NONE,
        FORM,
        MULTIPART,
        JSON
    }

    /** A form field or a JSON property; {@code file} for an upload. */
    record Field(String name, Class<?> type, boolean file) {
    }

    record Route(String method, String template, Body body, List<String> pathParams, List<String> queryParams,
            List<Field> fields, boolean restricted, String source) {

        boolean api() {
            return ErrorMapper.isApi(template);
        }

        boolean changesState() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        String describe() {
            return method + " " + template + " (" + source + ")";
        }
    }

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)(?:\\s*:[^}]*)?}");
    private static final Set<Class<? extends Annotation>> NOT_A_BODY = Set.of(RestPath.class, PathParam.class,
            RestQuery.class, QueryParam.class, RestForm.class, FormParam.class, RestHeader.class, HeaderParam.class,
            RestCookie.class, CookieParam.class, RestMatrix.class, MatrixParam.class, Context.class, BeanParam.class);

    private SiteRoutes() {
    }

    /** The resource methods and WebSocket endpoints in the classes of the application. */
    static List<Route> inCode() {
        List<Route> routes = new ArrayList<>();
        for (Class<?> type : applicationClasses()) {
            routes.addAll(resourceMethods(type));
            webSocket(type).ifPresent(routes::add);
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return routes;
    }

    /** A route registered on the Vert.x router ({@code /unsubscribe/:member/:signature}), in JAX-RS notation. */
    static Route vertx(String method, String path) {
        String template = path.replaceAll(":(\\w+)", "{$1}");
        Body body = method.equals("GET") || method.equals("HEAD") ? Body.NONE
                : ErrorMapper.isApi(template) ? Body.JSON : Body.FORM;
        return new Route(method, template, body, params(template), List.of(), List.of(), false, "Vert.x route");
    }

    static List<String> params(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The template with each parameter given its value (already %-encoded). */
    static String fill(String template, java.util.function.Function<String, String> value) {
        return PARAM.matcher(template).replaceAll(m -> Matcher.quoteReplacement(value.apply(m.group(1))));
    }

    private static List<Route> resourceMethods(Class<?> type) {
        jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
        List<Route> routes = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            String httpMethod = httpMethod(method);
            if (httpMethod == null || (classPath == null && !method.isAnnotationPresent(jakarta.ws.rs.Path.class))) {
                continue;
            }
            jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
            String template = join(classPath == null ? "" : classPath.value(),
                    methodPath == null ? "" : methodPath.value());
            List<String> query = new ArrayList<>();
            List<Field> fields = new ArrayList<>();
            Class<?> entity = null;
            for (Parameter p : method.getParameters()) {
                if (p.isAnnotationPresent(RestQuery.class) || p.isAnnotationPresent(QueryParam.class)) {
                    query.add(name(p, p.isAnnotationPresent(RestQuery.class) ? p.getAnnotation(RestQuery.class).value()
                            : p.getAnnotation(QueryParam.class).value()));
                } else if (p.isAnnotationPresent(RestForm.class) || p.isAnnotationPresent(FormParam.class)) {
                    String name = name(p, p.isAnnotationPresent(RestForm.class) ? p.getAnnotation(RestForm.class).value()
                            : p.getAnnotation(FormParam.class).value());
                    fields.add(new Field(name, p.getType(), FileUpload.class.isAssignableFrom(p.getType())));
                } else if (isEntity(p)) {
                    entity = p.getType();
                }
            }
            Body body = body(httpMethod, consumes(type, method), !fields.isEmpty(), entity != null, template);
            if (body == Body.JSON && entity != null) {
                fields = jsonFields(entity);
            }
            boolean restricted = type.isAnnotationPresent(RolesAllowed.class)
                    || method.isAnnotationPresent(RolesAllowed.class);
            routes.add(new Route(httpMethod, template, body, params(template), query, fields, restricted,
                    type.getSimpleName() + "." + method.getName()));
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String joined = ("/" + a + "/" + b).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String name(Parameter p, String declared) {
        return declared == null || declared.isEmpty() ? p.getName() : declared;
    }

    private static boolean isEntity(Parameter p) {
        if (Arrays.stream(p.getAnnotations()).anyMatch(a -> NOT_A_BODY.contains(a.annotationType()))) {
            return false;
        }
        String pkg = p.getType().getPackageName();
        // types the framework injects by type: UriInfo, Request, HttpServerRequest, SecurityContext...
        return !(pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("io.vertx") || pkg.startsWith("org.jboss.resteasy")
                || pkg.startsWith("io.quarkus"));
    }

    private static String[] consumes(Class<?> type, Method method) {
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : type.getAnnotation(Consumes.class);
        return consumes == null ? new String[0] : consumes.value();
    }

    private static Body body(String method, String[] consumes, boolean formFields, boolean entity, String template) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return Body.NONE;
        }
        List<String> types = Arrays.stream(consumes).flatMap(c -> Arrays.stream(c.split(",")))
                .map(String::strip).toList();
        if (types.contains(MediaType.MULTIPART_FORM_DATA)) {
            return Body.MULTIPART;
        }
        if (types.contains(MediaType.APPLICATION_FORM_URLENCODED) || formFields) {
            return Body.FORM;
        }
        if (types.contains(MediaType.APPLICATION_JSON) || entity) {
            return Body.JSON;
        }
        return ErrorMapper.isApi(template) ? Body.JSON : Body.FORM;
    }

    private static List<Field> jsonFields(Class<?> entity) {
        if (entity.isRecord()) {
            return Arrays.stream(entity.getRecordComponents())
                    .map((RecordComponent c) -> new Field(c.getName(), c.getType(), false)).toList();
        }
        return Arrays.stream(entity.getFields()).filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers()))
                .map(f -> new Field(f.getName(), f.getType(), false)).toList();
    }

    private static java.util.Optional<Route> webSocket(Class<?> type) {
        for (Annotation a : type.getAnnotations()) {
            if (a.annotationType().getName().equals("io.quarkus.websockets.next.WebSocket")) {
                try {
                    String path = (String) a.annotationType().getMethod("path").invoke(a);
                    return java.util.Optional.of(new Route("GET", path, Body.NONE, params(path), List.of("since"),
                            List.of(), false, type.getSimpleName() + " (WebSocket, plain GET)"));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The application's own classes, read from the directory they were compiled to. */
    private static Set<Class<?>> applicationClasses() {
        Path root;
        try {
            root = Path.of(ErrorMapper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            root = Path.of("target", "classes");
        }
        if (!Files.isDirectory(root.resolve("org/qasite"))) {
            root = Path.of("target", "classes");
        }
        Set<Class<?>> classes = new LinkedHashSet<>();
        Path base = root;
        try (Stream<Path> files = Files.walk(root.resolve("org/qasite"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = base.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                try {
                    classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                            SiteRoutes.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class the test's class loader does not serve (build-time only): no route in it
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no application classes under " + root);
        }
        return classes;
    }
}
