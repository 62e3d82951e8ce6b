// module-a leased the port; module-b is told its sibling holds it and fails.
def port = new File(basedir, 'fixed.txt').text.trim()
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'module-a/target/portcheck.properties').readLines().contains('admin.port=' + port)
assert log.contains("on project module-b: 1 port of 1 is not free:")
assert log.contains("port $port (admin.port) on localhost is leased by this build (module-a)")
assert !new File(basedir, 'module-b/target/portcheck.properties').exists()
return true
