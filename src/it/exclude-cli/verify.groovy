// -Dportcheck.exclude keeps a range, a block and "any free port" out of 23000-23089; the fixed port 23001,
// named by the user, is checked and exported although excluded.
def props = new Properties()
new File(basedir, 'target/portcheck.properties').withInputStream { props.load(it) }
assert props.keySet() == ['web', 'nodes.first', 'nodes.last', 'nodes.list', 'any', 'admin'] as Set
def chosen = [props['web'], props['any']] + props['nodes.list'].split(',').toList()
chosen.each { assert (it as int) >= 23090 && (it as int) <= 23099 : "outside the exclusions: $props" }
assert chosen.toSet().size() == 4 : "no two entries share a port: $props"
assert props['admin'] == '23001'
def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\]   admin +localhost +23001 +bind +free/
return true
