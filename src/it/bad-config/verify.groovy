// Every bad entry in one message naming the parameter, the value and what is allowed; no stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains('''[ERROR] Failed to execute goal io.github.portcheck:portcheck-maven-plugin:''')
assert log.contains(''': 4 invalid entries in parameter ports (portcheck.ports):
[ERROR]   'http.port=70000': port 70000 is outside 1-65535
[ERROR]   '=8080': the name before '=' is missing
[ERROR]   'a=b=c': an entry has at most one '='
[ERROR]   '-1': port -1 is outside 1-65535
[ERROR] Allowed: PORT, NAME=PORT, NAME=FIRST-LAST, NAME (any free port), NAME/COUNT (COUNT contiguous free ports)''')
assert !log.contains('\tat ') : 'no stack trace'
assert !new File(basedir, 'target/portcheck.properties').exists()
return true
