// Five projects of one parallel build asked for the same names and range: fifteen distinct ports.
def log = new File(basedir, 'build.log').text
assert log.contains('MultiThreadedBuilder') && log.contains('thread count of 4')
def all = []
['.', 'module-a', 'module-b', 'module-c', 'module-d'].each { dir ->
    def props = new Properties()
    new File(basedir, "$dir/target/portcheck.properties").withInputStream { props.load(it) }
    assert props.keySet() == ['http.port', 'jmx.port', 'debug.port'] as Set
    assert (props['jmx.port'] as int) in 21000..21099 && (props['debug.port'] as int) in 21000..21099
    all.addAll(props.values())
}
assert all.size() == 15
assert all.toSet().size() == 15 : "a port was handed out twice: $all"
return true
