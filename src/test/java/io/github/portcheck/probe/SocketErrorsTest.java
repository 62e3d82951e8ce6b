package io.github.portcheck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.testing.Loopback;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** The texts are the ones Java 17 and 25 give on Linux; the sockets tests meet most of them for real. */
class SocketErrorsTest {

    private static Status classify(IOException e) {
        return SocketErrors.classify(e, Loopback.V4, 8080, 1000).status();
    }

    @Test
    void tellsTheBindExceptionsApartByTheSystemsText() {
        assertEquals(Status.IN_USE, classify(new BindException("Address already in use")));
        assertEquals(Status.DENIED, classify(new BindException("Permission denied")));
        assertEquals(Status.UNAVAILABLE, classify(new BindException("Cannot assign requested address")));
        // In another language the text is unknown: taken, never free.
        assertEquals(Status.IN_USE, classify(new BindException("Die Adresse wird bereits verwendet")));
    }

    @Test
    void readsConnectOutcomes() {
        assertEquals(Status.FREE, classify(new ConnectException("Connection refused")));
        assertEquals(Status.NO_ANSWER, classify(new SocketTimeoutException("Connect timed out")));
        assertEquals(Status.NO_ANSWER, classify(new ConnectException("Connection timed out")));
        assertEquals(Status.UNREACHABLE, classify(new NoRouteToHostException("No route to host")));
        assertEquals(Status.UNREACHABLE, classify(new SocketException("Network is unreachable")));
        assertEquals(Status.UNAVAILABLE, classify(new SocketException("Protocol family unavailable")));
    }
}
