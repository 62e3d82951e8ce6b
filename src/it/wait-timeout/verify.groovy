def port = new File(basedir, 'port.txt').text.trim()
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Waiting up to 2 s for 1 port to be open')
assert log.contains(": The port did not become open within 2 s:\n[ERROR]   port $port (db) on localhost: refused\n"
        + "[ERROR] Nothing accepted connections on port $port: was the server started before this goal ran?")
assert !log.contains('\tat io.github.portcheck') : 'no stack trace'
return true
