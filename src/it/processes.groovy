// Whether a process still runs: on Linux by /proc, where a zombie (ended, not yet collected by its parent; in a
// container whose init collects late, for a while) has ended; elsewhere as the JDK sees it.
// Called from a verify.groovy: def running = evaluate(new File(itSources, 'processes.groovy')); running(pid)
return { long pid ->
    def stat = new File("/proc/$pid/stat")
    if (new File('/proc/self').exists()) {
        if (!stat.exists()) {
            return false
        }
        def text = stat.text
        return !text.substring(text.lastIndexOf(')') + 2).startsWith('Z')
    }
    return ProcessHandle.of(pid).map { it.alive }.orElse(false)
}
