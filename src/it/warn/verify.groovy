// Under warn the conflict is logged as a warning, the build succeeds, and the configured port is exported.
System.properties.remove('portcheck.it.warn').close()
def port = new File(basedir, 'held.txt').text.trim()
def log = new File(basedir, 'build.log').text
long pid = ProcessHandle.current().pid()
assert log.contains('[WARNING] The port is not free:')
assert log.contains("port $port (db) on localhost is in use by PID $pid: ")
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/portcheck.properties').readLines().contains("db=$port".toString())
return true
