package com.linkpos.banksimulator.standalone;

import com.linkpos.acquiring.BinTable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The bank simulator as a process of its own (README "The bank simulator on its own"): only the simulated
 * gateways, their pages and books, on their own port and database, reached by any number of LinkPOS
 * instances over HTTP as they would reach a bank; its port and data directory are in
 * application-bank-simulator.yml. The application's own scan passes this class by (it
 * needs its profile), so inside LinkPOS the simulator is just one module among the others.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan({"com.linkpos.banksimulator", "com.linkpos.platform"})
@ConfigurationPropertiesScan({"com.linkpos.banksimulator", "com.linkpos.platform", "com.linkpos.acquiring"})
@Import(BinTable.class)
@Profile(BankSimulatorApplication.PROFILE)
public class BankSimulatorApplication {

    public static final String PROFILE = "bank-simulator";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BankSimulatorApplication.class);
        application.setAdditionalProfiles(PROFILE);
        application.run(args);
    }

    /** The bank has no portal: nobody signs in (and Spring Security makes up no user of its own). */
    @Bean
    UserDetailsService nobody() {
        return username -> {
            throw new UsernameNotFoundException("the bank simulator has no portal users");
        };
    }
}
