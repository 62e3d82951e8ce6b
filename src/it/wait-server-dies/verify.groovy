// The wait ended as soon as the server's process was gone, naming its PID, the pid file and the pending port.
def log = new File(basedir, 'build.log').text
def pid = new File(basedir, 'target/app.pid').text.trim()
def port = (log =~ /\[INFO\]   app\.port +localhost +(\d+) +bind +free/)
assert port.find()
assert log.contains("The server's process (PID $pid, from ${new File(basedir, 'target/app.pid')}) ended before the"
        + ' port was ready:')
assert log.contains("[ERROR]   port ${port.group(1)} (app.port) on localhost: refused")
def total = (log =~ /Total time: +([\d.]+) s/)
assert total.find() && (total.group(1) as double) < 60 : 'failed at once, not after the 120 s timeout'
assert !log.contains('\tat io.github.portcheck') : 'no stack trace'
return true
