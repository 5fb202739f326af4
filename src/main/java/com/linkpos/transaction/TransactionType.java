package com.linkpos.transaction;

public enum TransactionType { SALE, VOID, REFUND }
