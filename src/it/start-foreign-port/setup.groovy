// Holds a port for the build: this JVM (the invoker's) is the foreign process.
def held = new ServerSocket(0, 50, InetAddress.getByName('127.0.0.1'))
System.properties['portcheck.it.foreign'] = held
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('HELD', "$held.localPort")
new File(basedir, 'held.txt').text = "$held.localPort"
return true
