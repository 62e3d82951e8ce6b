// A port that is free now, for both modules to ask for.
def s = new ServerSocket(0)
int port = s.localPort
s.close()
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('FIXED', "$port")
new File(basedir, 'fixed.txt').text = "$port"
return true
