System.properties.remove('portcheck.it.skip').close()
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping the port check (portcheck.skip=true)')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/portcheck.properties').exists()
return true
