package io.github.portcheck.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.portcheck.config.RawWaitSettings;
import io.github.portcheck.report.WaitReport;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.Waits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URL entries of wait-ports against real HTTP and HTTPS servers on 127.0.0.1. */
class HttpWaitTest {
    private final List<String> progress = new ArrayList<>();
    private final List<String> methods = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A server on 127.0.0.1 whose /health answers as {@code handler} says. */
    private String serve(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(Loopback.V4, 0), 50);
        server.createContext("/health", handler);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }

    private void answer(HttpExchange exchange, int code, String body) throws IOException {
        methods.add(exchange.getRequestMethod());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    /** Waits with these settings; returns what is still pending at the deadline. */
    private List<WaitResult.Left> waitFor(RawWaitSettings raw, int timeoutSeconds) throws Exception {
        return Waits.run(raw.timeout(timeoutSeconds), System.currentTimeMillis(), progress::add, line -> { })
                .pending();
    }

    @Test
    void aServerThatAnswers503IsReadyOnceItAnswers200() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String url = serve(e -> answer(e, calls.incrementAndGet() <= 3 ? 503 : 200, "ok"));
        assertEquals(0, waitFor(Waits.entries("app=" + url), 10).size());
        assertEquals(4, calls.get(), "three 503s, then the 200 ended the wait");
    }

    @Test
    void aStatusOutsideTheSetKeepsTheEntryPendingUntilTheTimeout() throws Exception {
        String url = serve(e -> answer(e, 404, "no"));
        List<WaitResult.Left> left = waitFor(Waits.entries("app=" + url), 1);
        assertEquals(1, left.size());
        assertEquals("HTTP 404 (expected 200-299)", left.get(0).last().reason());
        assertEquals(url + " (app)", left.get(0).label());
        assertEquals(0, waitFor(Waits.entries(url).httpStatus("200,404"), 10).size());
    }

    @Test
    void theBodyMustHoldTheText() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String url = serve(e -> answer(e, 200, calls.incrementAndGet() <= 2 ? "{\"status\":\"DOWN\"}"
                : "{\"status\":\"UP\"}"));
        List<WaitResult.Left> left = waitFor(Waits.entries(url).bodyContains("\"UP\""), 10);
        assertEquals(0, left.size());
        assertEquals(3, calls.get());
        String never = serve(e -> answer(e, 200, "starting"));
        left = waitFor(Waits.entries(never).bodyContains("\"UP\""), 1);
        assertEquals("HTTP 200 without '\"UP\"' in its body", left.get(0).last().reason());
    }

    @Test
    void headIsSentWhenAsked() throws Exception {
        String url = serve(e -> answer(e, 200, "ok"));
        assertEquals(0, waitFor(Waits.entries(url).httpMethod("head"), 10).size());
        assertEquals(List.of("HEAD"), methods);
    }

    @Test
    void aRedirectIsJudgedByItsOwnStatusNeverFollowed() throws Exception {
        String url = serve(e -> {
            e.getResponseHeaders().add("Location", "/elsewhere");
            answer(e, 302, "");
        });
        AtomicInteger followed = new AtomicInteger();
        server.createContext("/elsewhere", e -> {
            followed.incrementAndGet();
            answer(e, 200, "here");
        });
        List<WaitResult.Left> left = waitFor(Waits.entries(url), 1);
        assertEquals("HTTP 302 (expected 200-299)", left.get(0).last().reason());
        assertEquals(0, waitFor(Waits.entries(url).httpStatus("200-399"), 10).size());
        assertEquals(0, followed.get(), "the redirect was never followed");
    }

    @Test
    void aRefusedUrlSaysSoAndHintsAtTheServerNotStarted() throws Exception {
        int port = Loopback.freePort();
        String url = "http://127.0.0.1:" + port + "/health";
        WaitResult result = Waits.run(Waits.entries(url).timeout(1));
        assertEquals("The URL did not become ready within 1 s:\n  " + url + ": refused\nNothing accepted connections"
                + " on port " + port + ": was the server started before this goal ran? Within one phase Maven runs"
                + " plugins in the order the pom declares them.", WaitReport.timedOut(result));
    }

    @Test
    void httpsWithASelfSignedCertificateNeedsInsecure(@TempDir Path dir) throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(Loopback.V4, 0), 50);
        https.setHttpsConfigurator(new HttpsConfigurator(selfSigned(dir)));
        https.createContext("/health", e -> answer(e, 200, "ok"));
        https.start();
        server = https;
        String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/health";
        List<WaitResult.Left> left = waitFor(Waits.entries("app=" + url), 1);
        assertEquals(1, left.size());
        assertEquals("TLS: certificate not trusted (set insecure=true to trust any certificate, e.g. a test server's"
                + " self-signed one)", left.get(0).last().reason());
        assertEquals(0, waitFor(Waits.entries("app=" + url).insecure(true), 10).size());
        assertEquals(List.of("GET"), methods, "only the insecure wait got through the handshake");
    }

    /** A TLS context with a key pair and self-signed certificate that keytool makes now, for 127.0.0.1. */
    private static SSLContext selfSigned(Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
