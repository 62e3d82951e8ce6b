// Both the shell the goal started and the java it started are gone after stop.
def running = evaluate(new File(itSources, 'processes.groovy'))
def log = new File(basedir, 'build.log').text
def started = (log =~ /\[INFO\] Started server 'start-app' \(PID (\d+)\): sh /)
assert started.find()
def shell = started.group(1) as long
def java = new File(basedir, 'target/java.pid').text.trim() as long
assert shell != java
assert log =~ /\[INFO\] Stopped server 'start-app' \(PID $shell\): ended when asked, in [\d.]+ m?s, exit code \d+, 2 processes; port \d+ free/
[shell, java].each { assert !running(it) : "PID $it outlived stop" }
return true
