package com.linkpos.link;

/** [L8] Link Kullanım Tipi. */
public enum LinkUsage {
    /** Tek Kullanımlık: invalid after one successful payment. */
    SINGLE,
    /** Çok Kullanımlık: any number of successful payments while valid. */
    MULTI
}
