-- PostgreSQL reads an index for word LIKE 'prefix%' only with the pattern operator class whatever the database's
-- collation (see db/migration/V111).
create index ix_customer_search_word_prefix on customer_search_word (word text_pattern_ops, customer_fk);
