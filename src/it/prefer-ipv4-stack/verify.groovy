// The IPv4-only JVM is blind to the [::1] listener on the wildcard address (the documented limit), cannot
// probe [::1] at all (a conflict, never "free"), and the user is told why.
System.properties.remove('portcheck.it.prefer-ipv4-stack').close()
def port = new File(basedir, 'held.txt').text.trim()
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] This JVM runs with -Djava.net.preferIPv4Stack=true, so it cannot probe IPv6')
assert log =~ /\[INFO\]   db +localhost +$port +bind +free/
assert log =~ /\[INFO\]   - +::1 +$port +bind +not probed: address family not available in this JVM/
assert log.contains("port $port on ::1: not probed: address family not available in this JVM")
return true
