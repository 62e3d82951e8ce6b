// check-ports chose the port in package, exec started the server, wait-ports held the build until it listened,
// and the integration test talked to it at once.
def log = new File(basedir, 'build.log').text
def chosen = (log =~ /\[INFO\]   app\.port +localhost +(\d+) +bind +free/)
assert chosen.find()
def port = chosen.group(1)
assert log.contains("app listening on $port")
assert log.contains('[INFO] Waiting up to 60 s for 1 port to be open')
def waited = (log =~ /\[INFO\] The port is open after (\d+) ms/)
assert waited.find() : 'wait-ports saw the server up'
assert (waited.group(1) as int) >= 500 : 'it waited for the server, which takes a second to listen'
assert log.indexOf("app listening on $port") < log.indexOf('Running it.AppIT')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('BUILD SUCCESS')
return true
