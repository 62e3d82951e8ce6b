// Runs the inner build, which starts a server and declares no stop, in a JVM that stays alive afterwards (Maven
// embedded, as mvnd and IDEs run it); waits for that build to end, and leaves the JVM running for verify.groovy.
def version = (new File(basedir, 'pom.xml').text =~ /portcheck-maven-plugin<\/artifactId>\s*<version>([^<]+)</)[0][1]
evaluate(new File(itSources, 'embedded-maven.groovy')).build(binding.variables,
        ['@project.version@': version, '@itSources@': itSources])
return true
