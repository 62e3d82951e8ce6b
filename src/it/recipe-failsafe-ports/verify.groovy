// The failsafe test got both exported ports and served on them.
def log = new File(basedir, 'build.log').text
def http = (log =~ /\[INFO\]   http\.port +localhost +(\d+) +bind +free/)
def jmx = (log =~ /\[INFO\]   jmx\.port +localhost +(\d+) +bind +free/)
assert http.find() && jmx.find()
assert new File(basedir, 'target/served.txt').text == "${http.group(1)} ${jmx.group(1)}"
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('BUILD SUCCESS')
return true
