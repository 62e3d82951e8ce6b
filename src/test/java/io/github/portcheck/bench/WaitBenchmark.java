package io.github.portcheck.bench;

import io.github.portcheck.config.BuildProperties;
import io.github.portcheck.config.PortEntry;
import io.github.portcheck.config.RawWaitSettings;
import io.github.portcheck.config.WaitSettings;
import io.github.portcheck.wait.PortWait;
import io.github.portcheck.wait.WaitResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * wait-ports on a port that is already open on localhost (127.0.0.1 and ::1, as a server on the wildcard address
 * listens): the whole wait, from the entries to the answer, as the goal runs it after its parameters are read.
 * All traffic goes to loopback; each wait makes one connection per address.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WaitBenchmark {
    private ServerSocket server;
    private Thread acceptor;
    private PortWait wait;

    @Setup(Level.Trial)
    public void listen() throws Exception {
        server = new ServerSocket(0); // the wildcard address: open on 127.0.0.1 and on ::1
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(); // a service keeps the connection until its client closes it
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        WaitSettings settings = new RawWaitSettings().ports(Collections.singletonList(PortEntry.of("app="
                + server.getLocalPort()))).timeout(10).checked(BuildProperties.NONE);
        wait = PortWait.forThisMachine(settings, System.currentTimeMillis(), line -> { }, line -> { });
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        server.close();
    }

    @Benchmark
    public WaitResult waitForAnOpenLocalhostPort() throws Exception {
        WaitResult result = wait.run(line -> { });
        if (!result.allReady()) {
            throw new IllegalStateException("the open port was not seen open: " + result.pending().get(0).last());
        }
        return result;
    }
}
