package com.linkpos.transaction;

/**
 * [S3] Where a refund request is: waiting for a second admin, or decided (APPROVED: the refund was made;
 * FAILED: the approval was tried and the refund refused; CANCELLED, or EXPIRED before anyone approved it).
 */
public enum RefundRequestStatus { PENDING, APPROVED, CANCELLED, EXPIRED, FAILED }
