/**
 * The kernel every module speaks: Money (long minor units) and Currency, Total, Ids, business
 * time, problem types (ProblemException, FieldProblem), the checks of free text, e-mail addresses
 * and typed amounts, hashes, SecretBox, Backoff. No Spring web, no module.
 */
@ApplicationModule(allowedDependencies = {})
package com.linkpos.shared;

import org.springframework.modulith.ApplicationModule;
