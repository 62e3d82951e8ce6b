// A block's three ports are exported as nodes.first, nodes.last and nodes.list, written to the properties file,
// and a failsafe test binds each of them.
def log = new File(basedir, 'build.log').text
def props = new Properties()
new File(basedir, 'target/portcheck.properties').withInputStream { props.load(it) }
assert props.keySet() == ['nodes.first', 'nodes.last', 'nodes.list'] as Set
int first = props['nodes.first'] as int
assert props['nodes.last'] as int == first + 2
assert props['nodes.list'] == "$first,${first + 1},${first + 2}"
assert log =~ /\[INFO\]   nodes +localhost +$first-${first + 2} +bind +free/
(0..2).each { assert log.contains("node $it bound ${first + it}") }
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
return true
