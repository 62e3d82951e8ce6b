// Runs the inner build in a JVM that stays alive afterwards (Maven embedded, as mvnd and IDEs run it), waits for
// that build to end, and leaves the JVM running for this IT's own build and verify.groovy.
def s = new ServerSocket(0)
int port = s.localPort
s.close()
def version = (new File(basedir, 'pom.xml').text =~ /portcheck-maven-plugin<\/artifactId>\s*<version>([^<]+)</)[0][1]
new File(basedir, 'fixed.txt').text = "$port"
evaluate(new File(itSources, 'embedded-maven.groovy')).build(binding.variables,
        ['FIXED': port, '@project.version@': version])
return true
