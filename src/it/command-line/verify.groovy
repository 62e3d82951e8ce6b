def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Checking port 22345 for admin.port as given by -Dadmin.port (instead of \'admin.port=22000-22999\')')
assert log =~ /\[INFO\]   admin\.port +localhost +22345 +connect +free/
assert log =~ /\[INFO\]   jmx\.port +localhost +21\d\d\d +connect +free/
assert log =~ /\[INFO\]   http\.port +localhost +\d+ +connect +free/
def props = new Properties()
new File(basedir, 'target/portcheck.properties').withInputStream { props.load(it) }
assert props['admin.port'] == '22345'
assert props.keySet() == ['http.port', 'jmx.port', 'admin.port'] as Set
return true
