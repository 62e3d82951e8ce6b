// 8888 was taken: http.port got another free port, said so in the table and exported it.
System.properties.remove('portcheck.it.recipe-reassign')?.close()
def log = new File(basedir, 'build.log').text
def row = (log =~ /\[INFO\]   http\.port +localhost +(\d+) +bind +reassigned from 8888 \((in use|leased)/)
assert row.find()
assert row.group(1) != '8888'
def props = new Properties()
new File(basedir, 'target/portcheck.properties').withInputStream { props.load(it) }
assert props['http.port'] == row.group(1)
assert log.contains('BUILD SUCCESS')
return true
