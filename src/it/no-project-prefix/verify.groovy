def log = new File(basedir, 'build.log').text
assert !log.contains('No plugin found for prefix') : 'the prefix portcheck must resolve'
// portcheck:help lists both goals
assert log =~ /portcheck:check-ports/
assert log =~ /portcheck:wait-ports/
// portcheck:check-ports probed real ports
assert log =~ /\[INFO\]   web +localhost +\d+ +bind +free/
assert log =~ /\[INFO\]   admin +127\.0\.0\.1 +22356 +bind +free/
assert log.count('BUILD SUCCESS') == 2 : 'both invocations succeed'
return true
