package dev.losslab.app.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The lab page and its assets, served from the jar: {@code /} is {@code index.html}, {@code /static/X}
 * is the resource {@code X} under the root folder ({@code web/}, i.e.
 * {@code losslab-app/src/main/resources/web/X}). Only regular files with a known extension are
 * served, each with its content type; no directory is ever listed and no path may climb out of the
 * root. Files are read once and kept: a jar does not change while it runs.
 *
 * <p>Vendored libraries come from their webjars on the classpath rather than copies in {@code web/}:
 * {@code /static/vendor/three/X} is {@code X} in the three.js webjar (whichever version the pom
 * names), under the same rules. Nothing is fetched from a CDN, so the page's CSP stays {@code 'self'}.
 */
public final class StaticFiles {

    static final String INDEX = "index.html";

    /**
     * Pages with a name of their own: {@code /tour} is the guided tour; {@code /embed} is the lab's own
     * page, which shows only the landscape and its controls when loaded under that path;
     * {@code /maps.html} is the basin-map page; {@code /models} trains small networks.
     */
    private static final Map<String, String> PAGES = Map.of("/tour", "tour.html", "/embed", INDEX, "/maps.html", "maps.html",
            "/models", "models.html");
    static final String PREFIX = "/static/";

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("woff2", "font/woff2"));

    /** A path segment we serve: letters, digits, '.', '_', '-'; never starting with a dot. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    /** Webjars served under /static/vendor/NAME/, by NAME: their Maven group (all npm webjars so far). */
    private static final Map<String, String> WEBJARS = Map.of("three", "org.webjars.npm");
    static final String VENDOR = "vendor/";

    private final String root;
    private final ClassLoader loader;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();
    /** Webjar name → its resource folder, e.g. "three" → "META-INF/resources/webjars/three/0.181.1/". */
    private final Map<String, String> webjarRoots;

    /** @param root the resource folder, e.g. {@code "web/"} */
    public StaticFiles(String root, ClassLoader loader) {
        this.root = root.endsWith("/") ? root : root + "/";
        this.loader = loader;
        var found = new HashMap<String, String>();
        WEBJARS.forEach((name, group) -> webjarRoot(name, group).ifPresent(folder -> found.put(name, folder)));
        this.webjarRoots = Map.copyOf(found);
    }

    /**
     * Where a webjar keeps its files: {@code META-INF/resources/webjars/NAME/VERSION/}, with the
     * version read from the jar's own pom.properties so the pom alone decides it. Empty when the
     * webjar is not on the classpath (its paths are then 404s).
     */
    private Optional<String> webjarRoot(String name, String group) {
        URL url = loader.getResource("META-INF/maven/" + group + "/" + name + "/pom.properties");
        if (url == null) {
            return Optional.empty();
        }
        var properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = properties.getProperty("version", "");
        return SEGMENT.matcher(version).matches()
                ? Optional.of("META-INF/resources/webjars/" + name + "/" + version + "/")
                : Optional.empty();
    }

    /**
     * Percent-decodes a request path and rejects any that could climb out of a folder: a {@code .}
     * or {@code ..} segment, a backslash, or a control character, however encoded.
     */
    static String decodePath(String rawPath) {
        String path;
        try {
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(null, "the path is not valid URL encoding");
        }
        if (!path.startsWith("/") || path.contains("\\") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiException.badRequest(null, "bad path");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw ApiException.badRequest(null, "paths may not contain '.' or '..' segments");
            }
        }
        return path;
    }

    Reply serve(String method, String path) throws IOException {
        String name = resourceName(path).orElseThrow(() -> ApiException.notFound("no such page: " + path));
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw ApiException.methodNotAllowed(method, path, "GET, HEAD");
        }
        byte[] body = cache.get(name);
        if (body == null) {
            body = read(name).orElseThrow(() -> ApiException.notFound(path.equals("/")
                    ? "the lab page (" + root + INDEX + ") is not in this jar" : "no such file: " + path));
            cache.putIfAbsent(name, body);
        }
        return new Reply.Bytes(200, CONTENT_TYPES.get(extension(name)), body, Reply.NO_CACHE);
    }

    /** The resource a path names, if it is one we would serve. */
    private Optional<String> resourceName(String path) {
        if (path.equals("/") || path.equals("/" + INDEX)) {
            return Optional.of(root + INDEX);
        }
        if (PAGES.containsKey(path)) {
            return Optional.of(root + PAGES.get(path));
        }
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String relative = path.substring(PREFIX.length());
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        for (String segment : relative.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.empty();
            }
        }
        if (!CONTENT_TYPES.containsKey(extension(relative))) {
            return Optional.empty();
        }
        if (relative.startsWith(VENDOR)) {
            // segments were checked above, so the rest cannot climb out of the webjar's folder
            String rest = relative.substring(VENDOR.length());
            int slash = rest.indexOf('/');
            String folder = slash > 0 ? webjarRoots.get(rest.substring(0, slash)) : null;
            if (folder != null) {
                return Optional.of(folder + rest.substring(slash + 1));
            }
        }
        return Optional.of(root + relative);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        return dot > slash ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** The bytes of a regular-file resource; empty for a missing one or a directory. */
    private Optional<byte[]> read(String name) throws IOException {
        URL url = loader.getResource(name);
        if (url == null || !isRegularFile(url)) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(in.readAllBytes());
        }
    }

    private static boolean isRegularFile(URL url) throws IOException {
        return switch (url.getProtocol()) {
            case "file" -> {
                try {
                    yield Files.isRegularFile(Path.of(url.toURI()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    yield false;
                }
            }
            case "jar" -> {
                var connection = (JarURLConnection) url.openConnection();
                var entry = connection.getJarEntry();
                yield entry != null && !entry.isDirectory();
            }
            default -> false;
        };
    }
}
