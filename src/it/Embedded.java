import java.util.Arrays;
import org.apache.maven.cli.MavenCli;

/**
 * Runs one Maven build inside this JVM, then stays alive until its input closes, as the Maven daemon and IDEs
 * do. Arguments: the project directory, then Maven's arguments. Prints "EMBEDDED BUILD EXIT n" after the build.
 */
public class Embedded {
    public static void main(String[] args) throws Exception {
        System.setProperty("maven.multiModuleProjectDirectory", args[0]);
        int exit = new MavenCli().doMain(Arrays.copyOfRange(args, 1, args.length), args[0], System.out, System.err);
        System.out.println("EMBEDDED BUILD EXIT " + exit);
        System.out.flush();
        while (System.in.read() >= 0) {
            // alive, holding whatever the build left behind
        }
    }
}
