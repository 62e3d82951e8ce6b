// Gates hold the modules of a parallel build together until every one of them has checked its ports, so that
// their leases are held at the same time: each module waits (wait-ports, waitFor=free, detector=connect) for its
// own gate port, whose listener this script runs; the gates close once every gate was knocked on, or after 120 s.
// Called from a setup.groovy: evaluate(new File(itSources, 'gates.groovy'))(basedir, ['GATE_A', 'GATE_B'])
return { File basedir, List<String> tokens ->
    def gates = tokens.collect { new ServerSocket(0, 50, InetAddress.getByName('127.0.0.1')) }
    basedir.eachFileRecurse { f ->
        if (f.name == 'pom.xml') {
            def text = f.text
            tokens.eachWithIndex { token, i -> text = text.replace(token, "${gates[i].localPort}") }
            f.text = text
        }
    }
    def knocked = new boolean[gates.size()]
    long deadline = System.currentTimeMillis() + 120_000
    gates.eachWithIndex { gate, i ->
        gate.soTimeout = 100
        Thread.startDaemon("gate-$i") {
            while (!gate.closed && System.currentTimeMillis() < deadline) {
                try {
                    gate.accept().close()
                    synchronized (knocked) {
                        knocked[i] = true
                        if (knocked.every { it }) {
                            gates.each { it.close() }
                        }
                    }
                } catch (SocketTimeoutException e) {
                    // look at the deadline again
                } catch (SocketException e) {
                    // closed
                }
            }
            gate.close()
        }
    }
    return gates.collect { it.localPort }
}
