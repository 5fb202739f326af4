package com.linkpos.api;

import com.linkpos.support.Command;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The Java client that openapi-generator makes from a description (generator {@code java}, library
 * {@code native}: java.net.http and Jackson 2), compiled and loaded in a class loader of its own with
 * exactly the libraries such a client declares. The generator runs as a process of its own and both
 * it and those libraries come from the build (pom.xml, maven-dependency-plugin), because the test's
 * classpath holds the application's Jackson 3 and must not decide what the client sees.
 *
 * <p>The test drives the client through a few reflective calls: operations and models by their names
 * in the description ({@code createLink}, {@code NewLink}), properties by their JSON names.
 */
final class GeneratedClient implements AutoCloseable {

    private static final Path GENERATOR = Path.of("target/openapi-generator/openapi-generator-cli.jar");
    private static final Path LIBRARIES = Path.of("target/openapi-client-libraries");
    private static final String PACKAGE = "linkpos.client";

    /** An error answer, as the client reports it. */
    static final class Refused extends RuntimeException {
        final int status;
        final String body;

        Refused(int status, String body) {
            super(status + " " + body, null, false, false);
            this.status = status;
            this.body = body;
        }
    }

    private final URLClassLoader classes;

    private GeneratedClient(URLClassLoader classes) {
        this.classes = classes;
    }

    /** What openapi-generator's validation (swagger-parser, with its recommendations) says of the description. */
    static String validation(Path description) throws IOException, InterruptedException {
        return generator("validate", "--input-spec", description.toString(), "--recommend").run().output();
    }

    /** Generates the client of the description into {@code directory}, compiles and loads it. */
    static GeneratedClient of(Path description, Path directory) throws IOException, InterruptedException {
        if (!Files.isDirectory(LIBRARIES)) {
            throw new AssertionError("No " + LIBRARIES + ": the build copies it in the generate-test-resources phase "
                    + "(./mvnw test-compile, or run the test through Maven).");
        }
        deleteRecursively(directory);
        generator("generate",
                "--input-spec", description.toString(), "--generator-name", "java", "--library", "native",
                "--output", directory.toString(),
                "--invoker-package", PACKAGE, "--api-package", PACKAGE + ".api", "--model-package", PACKAGE + ".model",
                "--additional-properties", "useJakartaEe=true,hideGenerationTimestamp=true",
                "--global-property", "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false").runOrFail();

        List<Path> libraries;
        try (Stream<Path> jars = Files.list(LIBRARIES)) {
            libraries = jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
        }
        List<String> sources;
        try (Stream<Path> files = Files.walk(directory.resolve("src/main/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Path compiled = directory.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new AssertionError("No Java compiler: run the tests on a JDK, not a JRE.");
        }
        List<String> arguments = new ArrayList<>(List.of("-d", compiled.toString(), "-nowarn", "-encoding", "UTF-8",
                "-classpath", String.join(File.pathSeparator, libraries.stream().map(Path::toString).toList())));
        arguments.addAll(sources);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (javac.run(null, null, errors, arguments.toArray(String[]::new)) != 0) {
            throw new AssertionError("The generated client does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }

        List<URL> urls = new ArrayList<>();
        urls.add(url(compiled));
        for (Path jar : libraries) {
            urls.add(url(jar));
        }
        // the platform loader as parent: the JDK's modules (java.net.http) and nothing of the test's classpath
        return new GeneratedClient(new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()));
    }

    /** openapi-generator's command line, in a JVM of its own. */
    private static Command generator(String... arguments) {
        if (!Files.exists(GENERATOR)) {
            throw new AssertionError("No " + GENERATOR + ": the build copies it in the generate-test-resources phase "
                    + "(./mvnw test-compile, or run the test through Maven).");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", GENERATOR.toString()));
        command.addAll(List.of(arguments));
        return new Command(command, Path.of("."), Duration.ofMinutes(3));
    }

    /** An API of the client (by tag: {@code LinksApi}), sending {@code Authorization: Bearer <key>}. */
    Object api(String name, String key) {
        Object apiClient = strictApiClient();
        Consumer<HttpRequest.Builder> bearer = request -> request.header("Authorization", "Bearer " + key);
        call(apiClient, "setRequestInterceptor", bearer);
        try {
            return load(PACKAGE + ".api." + name).getConstructor(load(PACKAGE + ".ApiClient")).newInstance(apiClient);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(name, e);
        }
    }

    /** A model (by its schema's name) with these properties set: name, value, name, value… */
    Object model(String schema, Object... properties) {
        Object model = construct(PACKAGE + ".model." + schema);
        for (int i = 0; i + 1 < properties.length; i += 2) {
            call(model, (String) properties[i], properties[i + 1]);
        }
        return model;
    }

    /** A model read from JSON by the client's own object mapper (an error's problem body, for one). */
    Object read(String schema, String json) {
        Object mapper = call(strictApiClient(), "getObjectMapper");
        return call(mapper, "readValue", json, load(PACKAGE + ".model." + schema));
    }

    /**
     * The client's ApiClient, whose object mapper refuses a property it does not know (generated clients
     * ignore them): so the test fails when the server sends something the description does not name.
     */
    private Object strictApiClient() {
        Object apiClient = construct(PACKAGE + ".ApiClient");
        Object mapper = call(apiClient, "getObjectMapper");
        Class<?> feature = load("com.fasterxml.jackson.databind.DeserializationFeature");
        call(mapper, "configure", enumConstant(feature, "FAIL_ON_UNKNOWN_PROPERTIES"), true);
        return apiClient;
    }

    /** A property of a model by its JSON name; an enum (also in a list) as its value in the JSON. */
    static Object get(Object model, String property) {
        Object value = call(model, "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
        return value instanceof List<?> list ? list.stream().map(GeneratedClient::jsonValue).toList() : jsonValue(value);
    }

    private static Object jsonValue(Object value) {
        return value instanceof Enum<?> ? call(value, "getValue") : value;
    }

    /**
     * Calls the method of that name that takes as many arguments; a String where the method wants one of
     * the client's enums is that enum's value. An error answer of the API comes out as {@link Refused}.
     */
    static Object call(Object target, String method, Object... arguments) {
        Method chosen = Arrays.stream(target.getClass().getMethods())
                .filter(m -> m.getName().equals(method) && m.getParameterCount() == arguments.length
                        && accepts(m.getParameterTypes(), arguments))
                .findFirst().orElseThrow(() -> new AssertionError("No " + method + " taking " + arguments.length
                        + " arguments in " + target.getClass().getName()));
        Object[] converted = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Class<?> type = chosen.getParameterTypes()[i];
            converted[i] = type.isEnum() && arguments[i] instanceof String text ? fromValue(type, text) : arguments[i];
        }
        try {
            return chosen.invoke(target, converted);
        } catch (InvocationTargetException failure) {
            Throwable cause = failure.getCause();
            if (cause.getClass().getName().equals(PACKAGE + ".ApiException")) {
                int status = (int) call(cause, "getCode");
                if (status > 0) {
                    throw new Refused(status, (String) call(cause, "getResponseBody"));
                }
            }
            throw new AssertionError(method + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new AssertionError(method, e);
        }
    }

    /** The client's enum constant for this value. */
    private static Object fromValue(Class<?> enumType, String value) {
        try {
            return enumType.getMethod("fromValue", String.class).invoke(null, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(enumType.getName() + ".fromValue(" + value + ")", e);
        }
    }

    private static boolean accepts(Class<?>[] types, Object[] arguments) {
        for (int i = 0; i < types.length; i++) {
            Object argument = arguments[i];
            Class<?> type = types[i].isPrimitive() ? boxed(types[i]) : types[i];
            if (argument != null && !type.isInstance(argument) && !(type.isEnum() && argument instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return primitive == boolean.class ? Boolean.class : primitive == int.class ? Integer.class
                : primitive == long.class ? Long.class : primitive == double.class ? Double.class : primitive;
    }

    private Object construct(String className) {
        try {
            return load(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(className, e);
        }
    }

    private Class<?> load(String className) {
        try {
            return Class.forName(className, true, classes);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("The generated client has no " + className, e);
        }
    }

    private static Object enumConstant(Class<?> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> ((Enum<?>) c).name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static URL url(Path path) {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        classes.close();
    }
}
