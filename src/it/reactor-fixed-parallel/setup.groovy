// A port that is free now, for both modules to ask for; gates hold both modules until both have checked it.
def s = new ServerSocket(0)
int port = s.localPort
s.close()
new File(basedir, 'pom.xml').text = new File(basedir, 'pom.xml').text.replace('FIXED', "$port")
new File(basedir, 'fixed.txt').text = "$port"
evaluate(new File(itSources, 'gates.groovy'))(basedir, ['GATE_A', 'GATE_B'])
return true
