// Under reassign the named entry gets another free port, and the table says where it came from.
System.properties.remove('portcheck.it.reassign').close()
def held = new File(basedir, 'held.txt').text.trim()
def log = new File(basedir, 'build.log').text
long pid = ProcessHandle.current().pid()
def props = new Properties()
new File(basedir, 'target/portcheck.properties').withInputStream { props.load(it) }
def port = props['db']
assert port != null && port != held
assert log =~ /\[INFO\]   db +localhost +$port +bind +reassigned from $held \(in use by PID $pid: /
assert log.contains('BUILD SUCCESS')
assert !log.substring(log.indexOf('check-ports')).contains('[WARNING]') // Maven 3.10+ may warn about prefix metadata before
return true
