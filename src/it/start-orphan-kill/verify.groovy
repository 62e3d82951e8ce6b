// The next build of the project stopped the server the killed build left, named it, and then started its own.
def running = evaluate(new File(itSources, 'processes.groovy'))
def orphan = new File(basedir, 'orphan.pid').text.trim() as long
def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] Stopped a server that an earlier build of this project left running: PID $orphan \(\S*java \S*App\.java --port=\d+\), ports \d+, started by execution 'start-app' at \S+: ended when asked/
assert !running(orphan) : "the orphan, PID $orphan, still runs"
assert log.indexOf('left running') < log.indexOf("Started server 'start-app'")
assert log.contains('BUILD SUCCESS')
return true
