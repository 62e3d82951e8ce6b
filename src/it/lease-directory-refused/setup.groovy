// A lease directory that every user may write (mode 1777, as a misguided shared set-up would have it).
def dir = new File(basedir, 'open-leases')
dir.mkdirs()
java.nio.file.Files.setAttribute(dir.toPath(), 'unix:mode', 01777)
return true
