// The port was chosen in generate-test-resources, so the filtered test resource holds it, not ${http.port}.
def log = new File(basedir, 'build.log').text
def chosen = (log =~ /\[INFO\]   http\.port +localhost +(\d+) +bind +free/)
assert chosen.find()
def filtered = new File(basedir, 'target/test-classes/server.properties').text.trim()
assert filtered == "server.port=${chosen.group(1)}" : filtered
assert log.indexOf('check-ports') < log.indexOf('testResources')
return true
