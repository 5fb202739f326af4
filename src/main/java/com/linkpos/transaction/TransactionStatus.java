package com.linkpos.transaction;

public enum TransactionStatus { APPROVED, DECLINED }
