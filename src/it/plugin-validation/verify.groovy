// Maven validates every plugin the build used and warns about the ones with issues: never this one.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def warnings = log.readLines().findAll { it.startsWith('[WARNING]') || it.startsWith('[WARN]') }
assert !warnings.any { it.toLowerCase().contains('portcheck') } : warnings.join('\n')
assert !(log =~ /Plugin .*validation issues were detected/) : log
return true
