// exec started the server; wait-ports saw 503 STARTING, then 200 UP from the build's own process, before failsafe.
def log = new File(basedir, 'build.log').text
def chosen = (log =~ /\[INFO\]   app\.port +localhost +(\d+) +bind +free/)
assert chosen.find()
def port = chosen.group(1)
assert log.contains("health app listening on $port")
assert log.contains('[INFO] Waiting up to 60 s for 1 port to be open')
def waited = (log =~ /\[INFO\] The port is open after (\d+) ms/)
assert waited.find() : 'wait-ports saw the health page UP'
assert (waited.group(1) as int) >= 1000 : 'it waited through the 503s of the first 1.5 s'
assert !log.contains('ownListener:') : 'the listener was seen to be the build\'s own, with no warning'
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('BUILD SUCCESS')
return true
