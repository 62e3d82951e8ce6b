// Skipped: nothing was probed (the held port passed), and every named entry still reached the later plugin.
System.properties.remove('portcheck.it.skip').close()
def held = new File(basedir, 'held.txt').text.trim()
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping the port check (portcheck.skip=true); exporting the ports unchecked:')
assert log.contains("[INFO]   db        localhost  $held  -         not checked (skipped)")
assert log.contains('[INFO]   jmx.port  localhost  21000  -         not checked (skipped)')
assert log.contains('[INFO]   app.port  localhost  23999  -         not checked (skipped)')
assert log.contains("later plugin sees db=$held jmx.port=21000 app.port=23999")
assert log.contains('BUILD SUCCESS')
def props = new Properties()
new File(basedir, 'target/portcheck.properties').withInputStream { props.load(it) }
assert props == [db: held, 'jmx.port': '21000', 'app.port': '23999'] as Properties
return true
