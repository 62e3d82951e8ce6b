// The long-lived JVM checked the port and is still alive; this build, another process, got the port too, and the
// live JVM keeps no lock file of the lease directory open (Linux shows its descriptors in /proc).
try {
    def port = new File(basedir, 'fixed.txt').text.trim()
    def embedded = new File(basedir, 'embedded.log').text
    def log = new File(basedir, 'build.log').text
    def jvm = context.get('embeddedJvm')
    assert embedded.contains("[INFO]   app.port  localhost  $port  bind      free")
    assert jvm.alive : 'the embedded JVM lived on after its build'
    assert log.contains("[INFO]   app.port  localhost  $port  bind      free") : 'the live JVM held no lease'
    assert !log.contains('leased by')
    def leases = new File(basedir, 'leases').canonicalFile.toPath()
    def fds = new File("/proc/${jvm.pid()}/fd")
    if (fds.isDirectory()) {
        def open = fds.listFiles().findAll {
            try { java.nio.file.Files.readSymbolicLink(it.toPath()).startsWith(leases) } catch (Exception e) { false }
        }
        assert open == [] : "the live JVM still holds ${open.size()} descriptor(s) of the lease directory open"
    }
} finally {
    evaluate(new File(itSources, 'embedded-maven.groovy')).end(context)
}
return true
