// Four modules of one parallel build, all holding their leases at once, asked for the same names and range:
// twelve distinct ports. The parent checked alone before them; its leases ended with it.
def log = new File(basedir, 'build.log').text
assert log.contains('MultiThreadedBuilder') && log.contains('thread count of 4')
def all = []
['.', 'module-a', 'module-b', 'module-c', 'module-d'].each { dir ->
    def props = new Properties()
    new File(basedir, "$dir/target/portcheck.properties").withInputStream { props.load(it) }
    assert props.keySet() == ['http.port', 'jmx.port', 'debug.port'] as Set
    assert (props['jmx.port'] as int) in 21000..21099 && (props['debug.port'] as int) in 21000..21099
    if (dir != '.') {
        all.addAll(props.values())
    }
}
assert all.size() == 12
assert all.toSet().size() == 12 : "a port was handed out twice: $all"
assert (log =~ /The port is free after/).count == 4 : 'every module passed its gate'
return true
