// check-ports chose server.port and jmx.port before spring-boot:start ran; the app served on server.port; its JMX
// (the one start waits on and stop shuts down through) was on jmx.port, as the test saw over that port; the test
// passed; stop shut this app down through its JMX, and its process is gone.
def running = evaluate(new File(itSources, 'processes.groovy'))
def log = new File(basedir, 'build.log').text
def server = (log =~ /\[INFO\]   server\.port +localhost +(\d+) +bind +free/)
def jmx = (log =~ /\[INFO\]   jmx\.port +localhost +(\d+) +bind +free/)
assert server.find() && jmx.find() : 'check-ports chose both ports'
def serverPort = server.group(1)
def jmxPort = jmx.group(1)
// the goal's header: spring-boot-maven-plugin:3.5.7:start (start-app) on Maven 3, spring-boot:3.5.7:start on Maven 4
def header = (log =~ /\[INFO\] --- spring-boot\S*:3\.5\.7:start \(start-app\) @/)
assert header.find() : 'spring-boot:start ran'
int start = log.indexOf(header.group(0))
assert log.indexOf('Ports checked:') in 0..<start : 'check-ports ran before spring-boot:start'

// the app: its PID from Spring's startup line, its port from Tomcat's
def starting = (log =~ /Starting HelloApp using Java \S+ with PID (\d+)/)
assert starting.find() && log.indexOf(starting.group(0)) > start : 'spring-boot:start started the app'
def pid = starting.group(1) as long
assert log =~ /Tomcat started on port $serverPort \(http\)/ : "the app listened on server.port $serverPort"

// HelloIT connected to jmx.port over JMX and found this very app: same PID, started by spring-boot:start with
// -Dcom.sun.management.jmxremote.port=<jmx.port>, serving on server.port
assert log.contains("JMX on port $jmxPort: PID $pid, started with -Dcom.sun.management.jmxremote.port=$jmxPort, "
        + "local.server.port $serverPort") : 'the app JMX was on the exported jmx.port'
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')

// spring-boot:stop asked the app to shut down through its JMX (stop logs nothing when it cannot connect: the
// app's own line shows it was reached), and the app ended
int stopping = log.indexOf('[INFO] Stopping application...')
assert stopping > 0 : 'spring-boot:stop ran'
def requested = (log =~ /INFO $pid --- \[[^\]]*\] \S+ *: Application shutdown requested\./)
assert requested.find() && log.indexOf(requested.group(0)) > stopping : 'stop reached the app through jmx.port'
// stop returns once the app has closed its context; its JVM exits right after
long deadline = System.currentTimeMillis() + 10_000
while (running(pid) && System.currentTimeMillis() < deadline) {
    sleep 100
}
assert !running(pid) : "the app (PID $pid) outlived the build"
assert !log.contains('HelloApp: still running after its build') : 'the app ended only with Maven (EndsWithItsBuild)'
assert log.contains('BUILD SUCCESS')
return true
