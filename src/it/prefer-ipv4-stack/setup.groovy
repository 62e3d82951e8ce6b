// Holds a port on [::1] only; the build's JVM runs with preferIPv4Stack and cannot see it.
evaluate(new File(itSources, 'hold-port.groovy'))(basedir, 'portcheck.it.prefer-ipv4-stack', '::1')
return true
