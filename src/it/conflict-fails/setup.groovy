// Holds two ports for the build: one on 127.0.0.1, one on [::1] only. This JVM (the invoker's) is the holder.
def v4 = new ServerSocket(0, 50, InetAddress.getByName('127.0.0.1'))
def v6 = new ServerSocket(0, 50, InetAddress.getByName('::1'))
System.properties['portcheck.it.conflict-fails'] = [v4, v6]
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('HELD_V4', "$v4.localPort").replace('HELD_V6', "$v6.localPort")
new File(basedir, 'held.txt').text = "$v4.localPort $v6.localPort"
return true
