// Holds a port for the build: this JVM (the invoker's) is the foreign process.
evaluate(new File(itSources, 'hold-port.groovy'))(basedir, 'portcheck.it.foreign', '127.0.0.1')
return true
