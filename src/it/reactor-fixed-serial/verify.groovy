// module-a checked the port twice, then ended; module-b, in another plugin realm, then checked it too.
def port = new File(basedir, 'fixed.txt').text.trim()
def log = new File(basedir, 'build.log').text
['module-a', 'module-b'].each { m ->
    assert new File(basedir, "$m/target/portcheck.properties").readLines().contains('admin.port=' + port)
}
assert (log =~ /\[INFO\]   admin\.port  localhost  $port  bind      free/).count == 3
assert !log.contains('leased by')
def realms = (log =~ /class realm (plugin>io\.github\.portcheck:portcheck-maven-plugin:[^\s]+)/).collect { it[1] }.toSet()
assert realms.size() == 2 : "two plugin realms: $realms"
return true
