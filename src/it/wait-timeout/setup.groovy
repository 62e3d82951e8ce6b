// A port nothing listens on.
def s = new ServerSocket(0)
int port = s.localPort
s.close()
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('FREE_PORT', "$port")
new File(basedir, 'port.txt').text = "$port"
return true
