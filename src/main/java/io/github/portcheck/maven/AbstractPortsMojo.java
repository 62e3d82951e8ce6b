package io.github.portcheck.maven;

import io.github.portcheck.config.Defaults;
import io.github.portcheck.config.PortEntry;
import io.github.portcheck.config.RawProbeSettings;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The parameters every goal that probes shares: the same port entries, hosts and detectors. */
abstract class AbstractPortsMojo extends AbstractMojo {

    /**
     * The ports, one entry each: {@code PORT}, {@code NAME=PORT} (exported as property NAME), {@code
     * NAME=FIRST-LAST} (check-ports: the first free port of the range), {@code NAME} (check-ports: any free port
     * outside the kernel's ephemeral range; wait-ports: the port in property NAME, e.g. exported by
     * check-ports), {@code NAME/COUNT} and {@code NAME/COUNT=FIRST-LAST} (check-ports: COUNT contiguous free
     * ports, exported as NAME.first, NAME.last and NAME.list). A port may be preceded by a host: {@code
     * db=127.0.0.1:5432}, {@code db=[::1]:5432}. Or the structured form, {@code <port><name>db</name>
     * <port>5432</port></port>}, with the fields name, port or range, count, host and detector. On the command
     * line: a comma-separated list of the short form.
     */
    @Parameter(property = "portcheck.ports")
    List<PortEntry> ports;

    /**
     * How to probe: {@code bind} (listen for an instant, as the tests' server will), {@code connect} (act as a
     * client; never occupies the port; the only choice for a remote host), or {@code auto} (bind for addresses
     * of this machine, connect for remote hosts). wait-ports always connects to see a port open.
     */
    @Parameter(property = "portcheck.detector", defaultValue = Defaults.DETECTOR)
    String detector;

    /**
     * The host of entries that name none. {@code localhost} means this machine whatever the hosts file says:
     * bind probes the wildcard address, which collides with a listener on any local address; connect tries
     * 127.0.0.1 and ::1.
     */
    @Parameter(property = "portcheck.host", defaultValue = Defaults.HOST)
    String host;

    /** Milliseconds one connect probe waits for an answer; no answer is never taken as free. */
    @Parameter(property = "portcheck.connectTimeout", defaultValue = Defaults.CONNECT_TIMEOUT)
    int connectTimeout;

    /**
     * Skips every goal of this plugin: check-ports still exports its ports, unchecked. To skip one goal alone:
     * {@code portcheck.check.skip}, {@code portcheck.wait.skip}, {@code portcheck.start.skip}, {@code
     * portcheck.stop.skip}.
     */
    @Parameter(property = "portcheck.skip", defaultValue = Defaults.SKIP)
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /** The shared settings, as given, into the goal's own raw settings. */
    <S extends RawProbeSettings<S>> S shared(S raw) {
        return raw.ports(ports).detector(detector).host(host).connectTimeout(connectTimeout);
    }

    ProjectProperties properties() {
        return new ProjectProperties(project, session);
    }
}
