// wait-ports held the build until the delayed server listened; the failsafe test then talked to it.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Waiting up to 30 s for 1 port to be open')
def waited = (log =~ /\[INFO\] The port is open after (\d+) ms/)
assert waited.find() : 'wait-ports reported success'
assert (waited.group(1) as int) >= 1000 : 'it really waited for the 1.5 s delay'
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
return true
