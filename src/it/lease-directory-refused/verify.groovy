// Refused with one message: what is wrong, what fixes it, what is allowed; nothing made in it, its mode kept.
def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'open-leases').canonicalPath
assert log.contains("Invalid value '" + new File(basedir, 'open-leases').path + "' for parameter leaseDirectory"
        + " (portcheck.leaseDirectory): $dir may be written by other users (owner ${System.getProperty('user.name')},"
        + " mode 1777), who could plant files in it; run chmod go-w $dir, or use another directory. Allowed: a directory"
        + " on a local file system that belongs to you or root, that only its owner may write, and whose folders"
        + " belong to you or root (for the builds of several users, one that root made with a lock file leases.lock"
        + " open to them).")
assert !log.contains('\tat ') : 'no stack trace'
assert new File(dir).list().length == 0 : 'nothing made in it'
assert (java.nio.file.Files.getAttribute(new File(dir).toPath(), 'unix:mode') & 07777) == 01777
assert !new File(basedir, 'target/portcheck.properties').exists()
return true
