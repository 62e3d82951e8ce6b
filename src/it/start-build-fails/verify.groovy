// The build failed between start and stop; the server ended with its module, said so, and is gone.
def running = evaluate(new File(itSources, 'processes.groovy'))
def log = new File(basedir, 'build.log').text
def started = (log =~ /\[INFO\] Started server 'start-app' \(PID (\d+)\)/)
assert started.find()
def pid = started.group(1) as long
assert log.contains('The port did not become open within 1 s') : 'the failure between start and stop'
assert log =~ /\[WARNING\] No stop goal stopped server 'start-app' \(PID $pid\) before its module ended: ended when asked, in [\d.]+ m?s, exit code \d+; port \d+ free/
assert !running(pid) : "PID $pid outlived its module"
return true
