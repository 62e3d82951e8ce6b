// Each server was ready only once it was: by its URL, by its log line (and a URL any answer satisfies); both stopped.
def running = evaluate(new File(itSources, 'processes.groovy'))
def log = new File(basedir, 'build.log').text
def pids = [:]
['start-url', 'start-log'].each { name ->
    def started = (log =~ /\[INFO\] Started server '$name' \(PID (\d+)\)/)
    assert started.find() : name
    pids[name] = started.group(1) as long
    def ready = (log =~ /\[INFO\] Server '$name' \(PID \d+\) is ready after (\d+) ms(: .*)?/)
    assert ready.find() : name
    assert (ready.group(1) as int) >= 1500 : "$name was ready only once it listened, 1.5 s after it started"
    assert log =~ /\[INFO\] Stopped server '$name' \(PID \d+\): ended when asked/
}
assert log =~ /Server 'start-log' \(PID \d+\) is ready after \d+ ms: app listening on \d+/ : 'the line that said so'
pids.each { name, pid -> assert !running(pid) : "$name outlived the build" }
return true
