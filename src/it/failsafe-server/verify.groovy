// The failsafe test ran, bound the exported port and talked to its server.
def log = new File(basedir, 'build.log').text
def props = new Properties()
new File(basedir, 'target/portcheck.properties').withInputStream { props.load(it) }
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert new File(basedir, 'target/server-port.txt').text == props['http.port']
return true
