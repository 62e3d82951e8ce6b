// A structured entry chooses its own detector (connect) next to a short entry that the execution's detector
// (auto: bind) probes; a structured block exports its three names.
def log = new File(basedir, 'build.log').text
def props = new Properties()
new File(basedir, 'target/portcheck.properties').withInputStream { props.load(it) }
assert props.keySet() == ['web', 'db', 'nodes.first', 'nodes.last', 'nodes.list'] as Set
int db = props['db'] as int
assert db >= 24000 && db <= 24999
assert log =~ /\[INFO\]   web +localhost +${props['web']} +bind +free/
assert log =~ /\[INFO\]   db +127\.0\.0\.1 +$db +connect +free/
assert log =~ /\[INFO\]   nodes +localhost +${props['nodes.first']}-${props['nodes.last']} +bind +free/
return true
