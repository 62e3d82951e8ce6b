def port = new File(basedir, 'port.txt').text.trim()
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Waiting up to 2 s for 1 port to be open')
assert log.contains(": 1 of 1 port did not become open within 2 s:\n[ERROR]   port $port (db) on localhost: refused")
assert !log.contains('\tat io.github.portcheck') : 'no stack trace'
return true
