// Every bad entry in one message naming the parameter, the value and what is allowed; no stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains('3 invalid port entries:')
assert log.contains("Invalid value 'http.port=70000' for parameter ports (portcheck.ports): port 70000 is outside 1-65535. Allowed: PORT, NAME=PORT, NAME=FIRST-LAST or NAME")
assert log.contains("Invalid value '=8080' for parameter ports (portcheck.ports): the name before '=' is missing.")
assert log.contains("Invalid value 'a=b=c' for parameter ports (portcheck.ports): an entry has at most one '='.")
assert !log.contains('\tat ') : 'no stack trace'
assert !new File(basedir, 'target/portcheck.properties').exists()
return true
