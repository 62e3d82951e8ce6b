// The ITs' repository is written by invoker:install on the Maven that builds the plugin. Before 3.9 that install
// drops the group's prefix metadata (MNG-7055: only the plugin's own install, through maven-install-plugin 2.5.2,
// writes it, and only into the user's repository), so there is nothing here to resolve the prefix with.
// .ci/run builds with Maven 3.9+ and runs this IT on every Maven, and checks the 2.5.2 path on Maven 3.8 apart.
def v = installingMavenVersion.tokenize('.-')
def atLeast39 = (v[0] as int) > 3 || ((v[0] as int) == 3 && (v[1] as int) >= 9)
if (!atLeast39) {
    println "no-project-prefix needs the plugin built with Maven 3.9+ (built with $installingMavenVersion)"
}
return atLeast39
