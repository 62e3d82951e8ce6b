// The holder is named, never stopped (this JVM, still holding the port), and no server was started.
def port = new File(basedir, 'held.txt').text.trim()
def log = new File(basedir, 'build.log').text
def held = System.properties['portcheck.it.foreign']
try {
    assert log =~ /port $port \(app\.port\) on localhost is in use by PID ${ProcessHandle.current().pid()}: /
    assert !held.closed && ProcessHandle.current().alive : 'left alone'
    assert !log.contains('Started server')
} finally {
    held.close()
}
return true
