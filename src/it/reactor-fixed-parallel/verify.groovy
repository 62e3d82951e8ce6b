// Both modules ran at once: exactly one of them was told that the other holds the fixed port.
def port = new File(basedir, 'fixed.txt').text.trim()
def log = new File(basedir, 'build.log').text
assert log.contains('MultiThreadedBuilder') && log.contains('thread count of 2')
def told = (log =~ /port $port \(admin\.port\) on localhost is leased by this build \((module-[ab])\)/).collect { it[1] }
assert told.size() == 1 : "one conflict, naming the sibling: $told"
assert (log =~ /\[INFO\]   admin\.port  localhost  $port  bind      free/).count == 1
assert (log =~ /The port is free after/).count == 2 : 'both modules passed their gates'
return true
