// Free ports pass, are exported as properties, written sorted to target/portcheck.properties,
// and seen by a later plugin (resources filtering).
def log = new File(basedir, 'build.log').text
def props = new Properties()
new File(basedir, 'target/portcheck.properties').withInputStream { props.load(it) }
assert props.keySet() == ['http.port', 'jmx.port', 'admin.port'] as Set

int http = props['http.port'] as int
int jmx = props['jmx.port'] as int
def ephemeral = new File('/proc/sys/net/ipv4/ip_local_port_range').readLines()[0].trim().split(/\s+/)*.toInteger()
assert http >= 10000 && !(http >= ephemeral[0] && http <= ephemeral[1]) : "any free port lies outside the ephemeral range: $http"
assert jmx >= 21000 && jmx <= 21999
assert new File(basedir, 'target/portcheck.properties').readLines().findAll { !it.startsWith('#') } ==
        ['admin.port=' + props['admin.port'], 'http.port=' + http, 'jmx.port=' + jmx]

// The one info table.
assert log =~ /\[INFO\]   NAME +HOST +PORT +DETECTOR +VERDICT/
assert log =~ /\[INFO\]   http\.port +localhost +$http +bind +free/
assert log =~ /\[INFO\]   jmx\.port +localhost +$jmx +bind +free/

// Filtering after check-ports sees the exported values...
def filtered = new File(basedir, 'target/filtered/ports.txt').readLines()
assert filtered[0] == "http=$http"
assert filtered[1] == "jmx=$jmx"
assert filtered[2] == "admin=${props['admin.port']}" // filtering reads properties late, so it sees the new value
// ${admin.port} in a plugin configuration was baked in when the pom was read: the user is warned.
assert log.contains("[WARNING] Property admin.port is also set in the pom to 1: every \${admin.port} in the pom was replaced by 1")
return true
