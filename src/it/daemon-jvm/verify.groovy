// The long-lived JVM checked the port and is still alive; this build, another process, got the port too, and no
// lease file of it is left.
try {
    def port = new File(basedir, 'fixed.txt').text.trim()
    def embedded = new File(basedir, 'embedded.log').text
    def log = new File(basedir, 'build.log').text
    def jvm = context.get('embeddedJvm')
    assert embedded.contains("[INFO]   app.port  localhost  $port  bind      free")
    assert jvm.alive : 'the embedded JVM lived on after its build'
    assert log.contains("[INFO]   app.port  localhost  $port  bind      free") : 'the live JVM held no lease'
    assert !log.contains('leased by')
    assert new File(basedir, 'leases').list().findAll { it.endsWith('.lock') } == []
} finally {
    def jvm = context.get('embeddedJvm')
    jvm?.outputStream?.close()
    if (jvm != null && !jvm.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        jvm.destroyForcibly()
    }
}
return true
