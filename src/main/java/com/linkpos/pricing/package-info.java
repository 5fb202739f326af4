/**
 * The money of installments [T1]–[T3]: the bank's rates per merchant (vade farkı, commission, value
 * days), what a sale charges and what reaches the merchant (gross, commission, BSMV, net, value date),
 * and how installment amounts add up. The rules are plain Java, tested without Spring.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package com.linkpos.pricing;

import org.springframework.modulith.ApplicationModule;
