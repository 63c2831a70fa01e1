package com.collectiondesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CollectionDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(CollectionDeskApplication.class, args);
    }
}
