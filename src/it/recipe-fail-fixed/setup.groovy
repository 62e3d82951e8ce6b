// Holds port 8080 for the build, on every local address as a server would. Something else on this machine may
// hold it already: then it is taken all the same.
try {
    System.properties['portcheck.it.recipe-fail-fixed'] = new ServerSocket(8080)
} catch (BindException alreadyTaken) {
    println "port 8080 is taken already: $alreadyTaken.message"
}
return true
