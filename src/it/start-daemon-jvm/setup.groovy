// Runs the inner build, which starts a server and declares no stop, in a JVM that stays alive afterwards (Maven
// embedded, as mvnd and IDEs run it); waits for that build to end, and leaves the JVM running for verify.groovy.
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

// The invoker filtered only the pom it runs: the inner one takes the plugin's version from it.
def version = (new File(basedir, 'pom.xml').text =~ /portcheck-maven-plugin<\/artifactId>\s*<version>([^<]+)</)[0][1]
['pom.xml', 'inner/pom.xml'].each {
    def pom = new File(basedir, it)
    pom.text = pom.text.replace('@project.version@', version).replace('@itSources@', itSources.toString())
}

def home = new File(mavenHome)
def sep = File.pathSeparator
def cp = ["$home/boot/*", "$home/lib/*", "$home/conf/logging"].join(sep)
def inner = new File(basedir, 'inner').canonicalPath
// The ITs' settings, filtered as the invoker filters them for its own builds
def settings = new File(basedir, 'embedded-settings.xml')
settings.text = new File(itSources, 'settings.xml').text.replace('@localRepositoryUrl@',
        new File(outerRepository).toURI().toString())
def command = ["$javaHome/bin/java", '-cp', cp, "-Dmaven.home=$home", new File(basedir, 'Embedded.java').path,
               inner, '-B', '-s', settings.path, "-Dmaven.repo.local=$localRepositoryPath", 'verify']
def jvm = new ProcessBuilder(command.collect { it.toString() }).redirectErrorStream(true).start()
context.put('embeddedJvm', jvm)

def out = new File(basedir, 'embedded.log')
def ended = new CountDownLatch(1)
Thread.startDaemon('embedded-log') {
    out.withWriter { w ->
        jvm.inputStream.eachLine { line ->
            w.println(line)
            w.flush()
            if (line.startsWith('EMBEDDED BUILD EXIT ')) {
                ended.countDown()
            }
        }
    }
    ended.countDown() // the JVM died
}
assert ended.await(300, TimeUnit.SECONDS) : 'the embedded build did not end within 300 s'
assert jvm.alive : "the embedded JVM died:\n${out.text}"
assert out.text.contains('EMBEDDED BUILD EXIT 0') : out.text
return true
