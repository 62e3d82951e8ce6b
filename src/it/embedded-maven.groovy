// Runs an IT's inner build in a JVM that stays alive afterwards (Maven embedded, as mvnd and IDEs run it), for the
// ITs daemon-jvm and start-daemon-jvm. From setup.groovy:
//   def embedded = evaluate(new File(itSources, 'embedded-maven.groovy'))
//   embedded.build(this.binding.variables, ['@project.version@': version])   // waits for the build, keeps the JVM
// and from verify.groovy, when done: embedded.end(context)
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

def build = { Map vars, Map replacements ->
    File basedir = vars.basedir
    // The invoker filtered only the pom it runs: the inner one gets the same values here.
    ['pom.xml', 'inner/pom.xml'].each {
        def pom = new File(basedir, it)
        def text = pom.text
        replacements.each { k, v -> text = text.replace(k.toString(), v.toString()) }
        pom.text = text
    }
    def home = new File(vars.mavenHome)
    def cp = ["$home/boot/*", "$home/lib/*", "$home/conf/logging"].join(File.pathSeparator)
    // The ITs' settings, filtered as the invoker filters them for its own builds
    def settings = new File(basedir, 'embedded-settings.xml')
    settings.text = new File(vars.itSources, 'settings.xml').text.replace('@localRepositoryUrl@',
            new File(vars.outerRepository).toURI().toString())
    def command = ["${vars.javaHome}/bin/java", '-cp', cp, "-Dmaven.home=$home",
                   new File(vars.itSources, 'Embedded.java').path, new File(basedir, 'inner').canonicalPath, '-B',
                   '-s', settings.path, "-Dmaven.repo.local=${vars.localRepositoryPath}", 'verify']
    def jvm = new ProcessBuilder(command.collect { it.toString() }).redirectErrorStream(true).start()
    vars.context.put('embeddedJvm', jvm)

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
    return jvm
}

// Ends the JVM that lived on: it leaves when its input closes, else by force.
def end = { Map context ->
    def jvm = context.get('embeddedJvm')
    jvm?.outputStream?.close()
    if (jvm != null && !jvm.waitFor(30, TimeUnit.SECONDS)) {
        jvm.destroyForcibly()
    }
}

return [build: build, end: end]
