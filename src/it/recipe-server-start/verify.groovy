// start chose and leased a port, started the server on it and held the build until it listened; the test talked to
// it; stop ended it, and no process of it is left.
def running = evaluate(new File(itSources, 'processes.groovy'))
def log = new File(basedir, 'build.log').text
def chosen = (log =~ /\[INFO\]   app\.port +localhost +(\d+) +bind +free/)
assert chosen.find()
def port = chosen.group(1)
def started = (log =~ /\[INFO\] Started server 'start-app' \(PID (\d+)\): \S*java -jar \S*app\.jar --port=(\d+); output in \S*start-app\.log/)
assert started.find() : 'the server started with the chosen port'
assert started.group(2) == port
def pid = started.group(1) as long
assert log =~ /\[INFO\] Server 'start-app' \(PID $pid\) is ready after \d+ ms/
assert new File(basedir, 'target/portcheck/start-app.log').text.contains("app listening on $port")
assert log.indexOf('is ready after') < log.indexOf('Running it.AppIT')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log =~ /\[INFO\] Stopped server 'start-app' \(PID $pid\): ended when asked, in [\d.]+ m?s, exit code \d+; port $port free/
assert !running(pid) : "PID $pid outlived the build"
assert log.contains('BUILD SUCCESS')
return true
