package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

class HelloIT {
    /** The user's test: the app answers on the port that failsafe passes as server.port. */
    @Test
    void theAppAnswersOnServerPort() throws Exception {
        int port = Integer.parseInt(System.getProperty("server.port"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("hello", response.body());
    }

    /**
     * The IT's proof, not part of the recipe: the JMX port that check-ports exported (read from
     * target/portcheck.properties) is the app's own, opened by spring-boot:start, and it is the app on server.port.
     */
    @Test
    void theAppsJmxIsOnTheExportedJmxPort() throws Exception {
        Properties ports = new Properties();
        try (InputStream in = new FileInputStream("target/portcheck.properties")) {
            ports.load(in);
        }
        int jmxPort = Integer.parseInt(ports.getProperty("jmx.port"));
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            RuntimeMXBean runtime = ManagementFactory.newPlatformMXBeanProxy(server,
                    ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
            assertTrue(runtime.getInputArguments().contains("-Dcom.sun.management.jmxremote.port=" + jmxPort),
                    runtime.getInputArguments().toString());
            Object serverPort = server.invoke(new ObjectName("org.springframework.boot:type=Admin,name=SpringApplication"),
                    "getProperty", new Object[] {"local.server.port"}, new String[] {String.class.getName()});
            assertEquals(System.getProperty("server.port"), serverPort);
            System.out.println("JMX on port " + jmxPort + ": PID " + runtime.getPid() + ", started with"
                    + " -Dcom.sun.management.jmxremote.port=" + jmxPort + ", local.server.port " + serverPort);
        }
    }
}
