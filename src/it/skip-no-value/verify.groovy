// The skipped check cannot give http.port and jmx.port a port: one message names both and how to give them one.
def log = new File(basedir, 'build.log').text
assert log.contains("on project skip-no-value: The port check is skipped, so 2 entries get no port: 'http.port',"
        + " 'jmx.port' ask for any free port, which only the check can find. Give each a port on the command line"
        + " (-Dhttp.port=PORT -Djmx.port=PORT), or do not skip the check.")
assert !log.contains('\tat ') : 'no stack trace'
assert !new File(basedir, 'target/portcheck.properties').exists()
return true
