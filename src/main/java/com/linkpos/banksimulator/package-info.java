/**
 * The built-in bank [A8]: one acquirer among equals, with its 3-D Secure pages, test cards and
 * books.
 */
@ApplicationModule(allowedDependencies = {"acquiring", "platform", "shared"})
package com.linkpos.banksimulator;

import org.springframework.modulith.ApplicationModule;
