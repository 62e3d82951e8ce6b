// Holds port 8888 for the build; something else on this machine may hold it already: taken all the same.
try {
    System.properties['portcheck.it.recipe-reassign'] = new ServerSocket(8888)
} catch (BindException alreadyTaken) {
    println "port 8888 is taken already: $alreadyTaken.message"
}
return true
