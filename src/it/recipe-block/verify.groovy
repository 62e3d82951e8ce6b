// Each block: contiguous ports exported as NAME.first, NAME.last and NAME.list.
def props = new Properties()
new File(basedir, 'target/portcheck.properties').withInputStream { props.load(it) }
def block = { String name, int count ->
    def list = props["${name}.list"].split(',').collect { it as int }
    assert list.size() == count
    assert list == (list[0]..<(list[0] + count)).toList() : "contiguous: $list"
    assert props["${name}.first"] as int == list[0] && props["${name}.last"] as int == list[-1]
    list
}
def nodes = block('nodes', 3)
def ftp = block('ftp.passive', 10)
assert ftp[0] >= 30000 && ftp[-1] <= 30999
assert nodes.intersect(ftp).isEmpty()
def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\]   ftp\.passive +localhost +${ftp[0]}-${ftp[-1]} +bind +free/
assert log.contains('BUILD SUCCESS')
return true
