// Holds a port on 127.0.0.1 for the build; this JVM (the invoker's) is the holder.
evaluate(new File(itSources, 'hold-port.groovy'))(basedir, 'portcheck.it.skip', '127.0.0.1')
return true
