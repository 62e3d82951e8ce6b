package app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The user's app: one endpoint, GET /hello. */
@SpringBootApplication
@RestController
public class HelloApp {
    @GetMapping("/hello")
    String hello() {
        return "hello";
    }

    public static void main(String[] args) {
        SpringApplication.run(HelloApp.class, args);
    }
}
