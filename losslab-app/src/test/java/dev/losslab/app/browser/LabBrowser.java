package dev.losslab.app.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.losslab.app.web.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One LossLab server (in-process, ephemeral port) and one headless Debian Chromium driven by
 * Playwright, shared by a test class. Each {@link #open} gets a fresh browser context and records
 * every console error and uncaught page error into {@link #problems}.
 */
final class LabBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final WebServer server;
    private final Playwright playwright;
    private final Browser browser;
    private final HttpClient http = HttpClient.newHttpClient();
    private BrowserContext context;

    /** "console error: …" or "page error: …", in the order they happened. */
    final List<String> problems = new ArrayList<>();

    LabBrowser() throws IOException {
        server = WebServer.start("127.0.0.1", 0);
        // Playwright's own browser download cannot work here (and must never be needed).
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setArgs(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync")));
    }

    String url(String pathAndQuery) {
        return server.url() + pathAndQuery.replaceFirst("^/", "");
    }

    /**
     * A new page at the given viewport, navigated to pathAndQuery on the lab's server (or to an
     * absolute http:// URL, another site's page) and waiting for it to load.
     */
    Page open(String pathAndQuery, int width, int height, boolean touch) {
        if (context != null) {
            context.close();
        }
        problems.clear();
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setDeviceScaleFactor(touch ? 2 : 1)
                .setHasTouch(touch)
                .setIsMobile(touch));
        Page page = context.newPage();
        page.onConsoleMessage((ConsoleMessage m) -> {
            if (m.type().equals("error")) {
                problems.add("console error: " + m.text() + " at " + m.location());
            } else if (m.type().equals("warning") && m.text().contains("GL_INVALID")) {
                // WebGL's complaints come as warnings; a drawing call it refused is a bug of ours
                problems.add("WebGL warning: " + m.text());
            }
        });
        page.onPageError(e -> problems.add("page error: " + e));
        page.navigate(pathAndQuery.startsWith("http://") ? pathAndQuery : url(pathAndQuery));
        return page;
    }

    /** GET an API path directly (bypassing the page), for the expected values. */
    String get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** GET an API path directly, whatever it answers: for what the API refuses as well as takes. */
    HttpResponse<String> answer(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST a JSON body to an API path directly, for the expected values. */
    String post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
        browser.close();
        playwright.close();
        server.close();
    }
}
