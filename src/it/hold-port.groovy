// Holds a port for an IT's build, in this JVM (the invoker's), so that the holder is a process the build did not
// start: writes the port into the pom (HELD) and held.txt, and keeps the socket in a system property under `key`
// for verify.groovy to close. From setup.groovy:
//   evaluate(new File(itSources, 'hold-port.groovy'))(basedir, 'portcheck.it.NAME', '127.0.0.1')
return { File basedir, String key, String address ->
    def held = new ServerSocket(0, 50, InetAddress.getByName(address))
    System.properties[key] = held
    def pom = new File(basedir, 'pom.xml')
    pom.text = pom.text.replace('HELD', "$held.localPort")
    new File(basedir, 'held.txt').text = "$held.localPort"
    return held
}
