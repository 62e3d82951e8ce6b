def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\]   db +127\.0\.0\.1 +22346 +bind +free/
assert log =~ /\[INFO\]   - +::1 +22347 +bind +free/
assert log =~ /\[INFO\]   http\.port +localhost +\d+ +bind +free/
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target').exists() : 'without a project nothing is written'
return true
