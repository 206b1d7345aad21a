package dev.loyalty.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the report in headless Chromium (Debian's {@code chromium} package) and checks the
 * charts are in the rendered DOM. Skipped when no Chromium is installed, except with
 * {@code CI=true}, where it fails instead ({@code .ci/run} installs it).
 */
class HtmlReportBrowserTest {

    private static Optional<Path> chromium() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    @Test
    void shouldRenderEveryChartWhenOpenedOfflineInHeadlessChromium(@TempDir Path dir) throws IOException, InterruptedException {
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but no chromium on the PATH: install Debian's chromium package (.ci/run does)");
            }
            Assumptions.abort("no chromium on the PATH; install Debian's chromium package to run this test");
        }
        Path report = dir.resolve("report.html");
        HtmlReport.builder(Reports.kpis()).segmentation(Reports.segmentation()).build().write(report);
        Path dom = dir.resolve("dom.html");

        Process process = new ProcessBuilder(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                // offline: any request leaving the machine fails
                "--proxy-server=127.0.0.1:9", "--dump-dom", report.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 90 s");
        }

        String rendered = Files.readString(dom, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
        for (String chart : List.of("tier-distribution", "liability-over-time", "segment-sizes")) {
            assertThat(rendered).as(chart).containsPattern("<svg[^>]* id=\"" + chart + "\"|<svg id=\"" + chart + "\"");
        }
        assertThat(rendered.split("<rect class=\"bar\"", -1)).hasSize(3 + 5 + 1);
        assertThat(rendered.split("<circle class=\"point\"", -1)).hasSize(3 + 1);
    }
}
