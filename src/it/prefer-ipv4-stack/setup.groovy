// Holds a port on [::1] only; the build's JVM runs with preferIPv4Stack and cannot see it.
def held = new ServerSocket(0, 50, InetAddress.getByName('::1'))
System.properties['portcheck.it.prefer-ipv4-stack'] = held
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('HELD', "$held.localPort")
new File(basedir, 'held.txt').text = "$held.localPort"
return true
