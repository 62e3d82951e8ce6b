// The server's own words and exit code, within seconds of its start; no process, no record left.
def running = evaluate(new File(itSources, 'processes.groovy'))
def log = new File(basedir, 'build.log').text
def failed = (log =~ /The server 'start-app' \(PID (\d+)\) ended with exit code 3 after (\d+) ms, before it was ready\. Its last lines \((\S+start-app\.log)\):\n\[ERROR\]   app: cannot start: no configuration found \(exit 3\)/)
assert failed.find() : 'the exit code and the last lines'
assert (failed.group(2) as int) < 30_000 : "not at the timeout of 120 s: ${failed.group(2)} ms"
assert !log.contains('\tat ') : 'no stack trace'
assert !running(failed.group(1) as long)
return true
