package io.github.portcheck.wait;

import io.github.portcheck.domain.HttpExpectation;
import io.github.portcheck.poll.Readiness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Is an http or https URL ready? One request per look, redirects not followed (a redirect's status is judged as it
 * is), each with its own connect and read timeout. Ready when the status is in the expected set and the body holds
 * the expected text; refused when nothing accepts the connection; otherwise not yet, with what was seen in words:
 * "HTTP 404 (expected 200-299)", "TLS: certificate not trusted ...".
 */
final class UrlReadiness {
    /** Read no more of a body than a health page needs: a server that streams must not hold the wait. */
    private static final int MAX_BODY = 1 << 20;

    private final URI url;
    private final HttpExpectation check;
    private final int connectTimeoutMillis;

    UrlReadiness(URI url, HttpExpectation check, int connectTimeoutMillis) {
        this.url = url;
        this.check = check;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    Readiness look() {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(check.method());
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(check.readTimeoutMillis());
            if (check.insecure() && connection instanceof HttpsURLConnection) {
                ((HttpsURLConnection) connection).setSSLSocketFactory(TrustAll.FACTORY);
                ((HttpsURLConnection) connection).setHostnameVerifier((host, session) -> true);
            }
            int code = connection.getResponseCode();
            if (!check.statuses().contains(code)) {
                return Readiness.notYet("HTTP " + code + " (expected " + check.statuses() + ")");
            }
            if (check.bodyContains().isPresent()
                    && !body(connection).contains(check.bodyContains().get())) {
                return Readiness.notYet("HTTP " + code + " without '" + check.bodyContains().get()
                        + "' in its body");
            }
            return Readiness.ready("HTTP " + code);
        } catch (ConnectException e) {
            return Readiness.refused("refused");
        } catch (SocketTimeoutException e) {
            boolean connecting = e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("connect");
            return Readiness.notYet(connecting ? "no answer within " + connectTimeoutMillis + " ms"
                    : "no response within " + check.readTimeoutMillis() + " ms (readTimeout)");
        } catch (SSLHandshakeException e) {
            return Readiness.notYet(untrusted(e) ? "TLS: certificate not trusted (set insecure=true to trust any"
                    + " certificate, e.g. a test server's self-signed one)" : "TLS: " + e.getMessage());
        } catch (SSLException e) {
            return Readiness.notYet("TLS: " + e.getMessage());
        } catch (UnknownHostException e) {
            return Readiness.notYet("unknown host");
        } catch (NoRouteToHostException e) {
            return Readiness.notYet("unreachable");
        } catch (IOException e) {
            return Readiness.notYet(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** The PKIX failure ("unable to find valid certification path") or a host name that does not match. */
    private static boolean untrusted(SSLHandshakeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof GeneralSecurityException) {
                return true;
            }
        }
        return false;
    }

    private static String body(HttpURLConnection connection) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; bytes.size() < MAX_BODY && (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
        }
        return new String(bytes.toByteArray(), charset(connection.getContentType()));
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (IllegalArgumentException e) {
                        break;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** For {@code insecure}: trusts every certificate, as a test server's self-signed one needs. */
    private static final class TrustAll implements X509TrustManager {
        static final SSLSocketFactory FACTORY = factory();

        private static SSLSocketFactory factory() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
                return context.getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no TLS", e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
