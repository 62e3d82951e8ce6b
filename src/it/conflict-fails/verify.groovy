// The build failed early, listing both conflicts with their holder, and exported nothing.
def held = System.properties.remove('portcheck.it.conflict-fails')
held*.close()
def (v4, v6) = new File(basedir, 'held.txt').text.trim().split(' ')
def log = new File(basedir, 'build.log').text
long pid = ProcessHandle.current().pid()

assert log.contains('2 of 3 entries got no free port:')
assert log.contains("port $v4 (db) on localhost is in use by PID $pid: ")
assert log.contains("port $v6 on localhost is in use by PID $pid: ")
assert log.contains('Stop what holds them, choose other ports, or set parameter onConflict (portcheck.onConflict) to reassign or warn.')
assert log =~ /\[INFO\]   db +localhost +$v4 +bind +in use by PID $pid/
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat io.github.portcheck') : 'no stack trace'
assert !new File(basedir, 'target/portcheck.properties').exists() : 'nothing exported'
return true
