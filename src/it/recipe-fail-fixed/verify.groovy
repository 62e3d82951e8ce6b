// The build stopped at the check, naming port 8080 and its holder, before any integration test.
System.properties.remove('portcheck.it.recipe-fail-fixed')?.close()
def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\]   - +localhost +8080 +bind +(in use|leased)/
assert log =~ /\[INFO\]   db +localhost +5432 +bind /
assert log =~ /\[INFO\]   cache +127\.0\.0\.1 +6379 +bind /
assert log =~ /: (The port is|\d ports? of 3 (is|are)) not free:\n(\[ERROR\] .*\n)*\[ERROR\]   port 8080 on localhost is (in use by|leased by)/
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat io.github.portcheck') : 'no stack trace'
return true
