-- H2 reads an ordinary index for word LIKE 'prefix%' (see db/migration/V111).
create index ix_customer_search_word_prefix on customer_search_word (word, customer_fk);
