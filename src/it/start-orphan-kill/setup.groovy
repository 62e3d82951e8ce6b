// Runs a build of this project that starts its server and then holds (profile hold), and kills that Maven with
// kill -9 once the server is ready, as a CI timeout does: the server is left running, with its record.
import java.util.concurrent.TimeUnit

def settings = new File(basedir, 'inner-settings.xml')
settings.text = new File(itSources, 'settings.xml').text.replace('@localRepositoryUrl@',
        new File(outerRepository).toURI().toString())
def mvn = new File(mavenHome, 'bin/mvn').path
def command = [mvn, '-B', '-s', settings.path, "-Dmaven.repo.local=$localRepositoryPath", '-Phold', 'verify']
def builder = new ProcessBuilder(command.collect { it.toString() }).directory(basedir).redirectErrorStream(true)
builder.environment().put('JAVA_HOME', javaHome)
def maven = builder.start()
def out = new File(basedir, 'killed-build.log')
long serverPid = -1
long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180)
out.withWriter { w ->
    def lines = new BufferedReader(new InputStreamReader(maven.inputStream))
    for (String line; serverPid < 0 && System.nanoTime() < deadline && (line = lines.readLine()) != null; ) {
        w.println(line)
        def ready = (line =~ /Server 'start-app' \(PID (\d+)\) is ready/)
        if (ready.find()) {
            serverPid = ready.group(1) as long
        }
    }
}
assert serverPid > 0 : "the build to kill did not get its server ready:\n${out.text}"
// Maven is the server's parent (the mvn script runs java in its place, or is that java's parent)
def jvm = ProcessHandle.of(serverPid).flatMap { it.parent() }.get()
assert jvm.info().command().orElse('').endsWith('java') : jvm.info()
new ProcessBuilder('kill', '-9', "${jvm.pid()}").start().waitFor()
assert maven.waitFor(60, TimeUnit.SECONDS) || !jvm.alive
assert ProcessHandle.of(serverPid).map { it.alive }.orElse(false) : 'the server outlived its killed build'
new File(basedir, 'orphan.pid').text = "$serverPid"
return true
