package app;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The IT's guard, not part of the recipe. spring-boot:start gives the app the build's output; an app that no
 * spring-boot:stop ended would keep it open after Maven exits, and the invoker would wait for it for ever. So when the
 * Maven process that started the app ends while the app still runs, the app says so (verify.groovy fails on this
 * line) and exits.
 */
@Component
class EndsWithItsBuild implements ApplicationListener<ApplicationReadyEvent> {
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        ProcessHandle.current().parent().ifPresent(maven -> maven.onExit().thenRun(() -> {
            if (context.isActive()) {
                System.out.println("HelloApp: still running after its build (PID " + maven.pid() + ") ended; exiting");
                System.exit(1);
            }
        }));
    }
}
