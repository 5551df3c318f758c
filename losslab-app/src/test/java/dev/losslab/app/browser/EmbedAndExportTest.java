package dev.losslab.app.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import dev.losslab.app.cli.Main;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** /embed inside another page's iframe, and the lab's downloads against the CLI's output. */
class EmbedAndExportTest extends BrowserTest {

    private static final String STATE = "surface=himmelblau&start=0,0&optimizers=gd,momentum,adam";

    @Test
    void theEmbedRunsInsideAnIframeOnAnotherPage() throws IOException {
        // another origin (its own port) serving a page that frames the embed
        String html = "<!doctype html><h1>Someone's blog</h1><iframe src=\"" + lab.url("/embed?" + STATE)
                + "\" width=\"1100\" height=\"700\" title=\"LossLab\"></iframe>";
        HttpServer blog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        blog.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        blog.start();
        try {
            // straight to the blog: a first page on the lab's server that is not one of its HTML pages
            // (/api/catalog) had Chromium fetch the lab's /favicon.ico, whose 404 failed the test
            // whenever it came back before the blog's page replaced that one
            embedded(lab.open("http://127.0.0.1:" + blog.getAddress().getPort() + "/", 1200, 800, false));
        } finally {
            blog.stop(0);
        }
    }

    private void embedded(Page page) {
        FrameLocator frame = page.frameLocator("iframe");
        assertThat(frame.getByTestId("canvas")).isVisible();
        assertThat(frame.getByTestId("loss-gd")).hasText("170");
        assertThat(frame.locator(".chart-panel")).isHidden();
        assertThat(frame.locator(".col-left")).isHidden();
        assertThat(frame.locator("#full-lab")).hasAttribute("href", "/?" + STATE);
        frame.getByTestId("run").click();
        assertThat(frame.getByTestId("status-gd")).hasAttribute("data-reason", "converged", RACE_WAIT);
        screenshot(page, "embed-in-iframe.png");
    }

    @Test
    void theDownloadedCsvIsTheClisRaceCsv() throws IOException {
        Page page = desktop("/?" + STATE);
        assertThat(page.getByTestId("loss-gd")).hasText("170");
        Download csv = page.waitForDownload(() -> page.getByTestId("export-csv").click());
        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"race", "--surface", "himmelblau", "--start=0,0", "--optimizers", "gd,momentum,adam",
                "--steps", "1000", "--format", "csv"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        assertThat(csv.suggestedFilename()).isEqualTo("losslab-himmelblau.csv");
        assertThat(Files.readString(csv.path())).isEqualTo(out.toString());

        Download json = page.waitForDownload(() -> page.getByTestId("export-json").click());
        assertThat(Files.readString(json.path())).startsWith("{\"surface\":\"himmelblau\",\"racers\":[\"gd\",\"momentum\",\"adam\"],\"runs\":[");
        Download png = page.waitForDownload(() -> page.getByTestId("export-png").click());
        byte[] bytes = Files.readAllBytes(png.path());
        assertThat(bytes).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(bytes.length).isGreaterThan(10_000);
    }
}
