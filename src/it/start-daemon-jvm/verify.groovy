// The inner build ended in a JVM that is still alive: its server ended with its module, said so, and is gone.
def running = evaluate(new File(itSources, 'processes.groovy'))
try {
    def embedded = new File(basedir, 'embedded.log').text
    def jvm = context.get('embeddedJvm')
    def started = (embedded =~ /\[INFO\] Started server 'start-app' \(PID (\d+)\)/)
    assert started.find() : embedded
    def pid = started.group(1) as long
    assert embedded =~ /\[WARNING\] No stop goal stopped server 'start-app' \(PID $pid\) before its module ended: ended when asked/
    assert jvm.alive : 'the embedded JVM lived on after its build'
    assert !running(pid) : "PID $pid outlived its build in a JVM that lives on"
} finally {
    evaluate(new File(itSources, 'embedded-maven.groovy')).end(context)
}
return true
