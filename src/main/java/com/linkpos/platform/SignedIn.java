package com.linkpos.platform;

/**
 * A portal user is signed in: after the password, or after the second factor where one is asked. (Spring
 * Security's own success event comes after the password alone, before the second step.)
 */
public record SignedIn(Caller caller) {
}
